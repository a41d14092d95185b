{{/* Release-scoped name of a service: <release>-<service>, max 63 characters. */}}
{{- define "arbor.svcName" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "arbor.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: arbor
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "arbor.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Every realm that gets public routes: the YAML documents' keys plus routing.extraRealms, sorted. */}}
{{- define "arbor.routedRealms" -}}
{{- $realms := concat (keys .Values.realms) .Values.routing.extraRealms | uniq | sortAlpha -}}
{{- toJson $realms -}}
{{- end -}}

{{/*
The public path table, the same as the local gateway's RouteTable (gateway/.../domain/RouteTable.java),
expressed with Exact and Prefix matches (no regular expressions, which neither Ingress nor HTTPRoute
guarantees): /realms/<realm>/authenticate exactly -> authtree; /realms/** -> federation; /ui/** -> ui-server;
/admin/realms/<realm>/<collection>/** -> the service that owns the collection.
Each entry: {path, type (Exact|Prefix), service}.
*/}}
{{- define "arbor.routes" -}}
{{- $routes := list -}}
{{- range $realm := (include "arbor.routedRealms" . | fromJsonArray) -}}
{{- $routes = append $routes (dict "path" (printf "/realms/%s/authenticate" $realm) "type" "Exact" "service" "authtree-service") -}}
{{- range $collection, $svc := dict "clients" "federation-service" "consents" "federation-service" "initial-access-tokens" "federation-service" "saml-sps" "federation-service" "saml-keys" "federation-service" "trees" "authtree-service" "users" "authtree-service" "keys" "token-service" "scripts" "script-runner-service" -}}
{{- $routes = append $routes (dict "path" (printf "/admin/realms/%s/%s" $realm $collection) "type" "Prefix" "service" $svc) -}}
{{- end -}}
{{- end -}}
{{- $routes = append $routes (dict "path" "/realms" "type" "Prefix" "service" "federation-service") -}}
{{- $routes = append $routes (dict "path" "/ui" "type" "Prefix" "service" "ui-server") -}}
{{- toJson $routes -}}
{{- end -}}

{{/* Services the public routes reach (they get ingress from the ingress controller). */}}
{{- define "arbor.publicServices" -}}
{{- $svcs := list -}}
{{- range $r := (include "arbor.routes" . | fromJsonArray) -}}
{{- $svcs = append $svcs $r.service -}}
{{- end -}}
{{- toJson ($svcs | uniq | sortAlpha) -}}
{{- end -}}

{{/* A peer selector for NetworkPolicy from/to: namespaceSelector, podSelector, and ipBlocks. */}}
{{- define "arbor.externalPeers" -}}
{{- range .cidrs }}
- ipBlock:
    cidr: {{ . }}
{{- end }}
{{- if or .namespaceSelector .podSelector }}
- {{- with .namespaceSelector }}
  namespaceSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .podSelector }}
  podSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "arbor.image" -}}
{{- $img := .root.Values.image -}}
{{- printf "%s/%s/%s:%s" $img.registry $img.repositoryPrefix .name ($img.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{- define "arbor.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ .secret }}
    key: {{ .key }}
{{- end -}}
