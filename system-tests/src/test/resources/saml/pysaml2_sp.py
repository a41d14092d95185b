#!/usr/bin/python3
"""A SAML 2.0 service provider nobody here wrote: pysaml2 (Debian python3-pysaml2), verifying with
xmlsec1. The system tests drive it as a command; every subcommand takes

  --dir D --entity-id E --acs URL [--slo URL]   (D holds the SP's key pair sp.key, sp.crt, made by the caller)

and all but `metadata` take --idp-metadata F (the IdP's metadata, saved by the caller); logout-response
and answer-logout-request need --slo (the Destination the IdP's message must carry). Signatures are
RSA-SHA256 with SHA-256 digests; only the certificates of the IdP metadata verify what the IdP sends.

  metadata
      -> the SP's metadata XML on stdout (signing + encryption KeyDescriptor, ACS HTTP-POST, SLO
         HTTP-Redirect and HTTP-POST when --slo is given)
  authn-request --binding redirect|post [--relay-state R] [--force-authn] [--passive]
      -> {"id", "url"} (redirect: signed query) or {"id", "action", "SAMLRequest", "RelayState"}
         (post: enveloped signature)
  response --saml-response B64 [--request-id ID]
      (no request id: an unsolicited, IdP-initiated Response, accepted only then)
      -> {"issuer", "name_id", "name_id_format", "name_qualifier", "sp_name_qualifier", "session_index",
          "attributes", "in_response_to"}
  decrypt-xmlenc11 --saml-response B64
      (XML Encryption 1.1 key transport, xmlenc11#rsa-oaep with its DigestMethod and MGF, which the
       xmlsec1 1.2 of Debian 12 cannot read: the EncryptedAssertion is decrypted with python3-cryptography
       and put back in its place, so that `response` can check the Assertion, its signature included)
      -> {"saml_response": B64 of the Response with the Assertion in the clear, "data_algorithm",
          "key_transport", "digest", "mgf"}
  logout-request --binding redirect|post --name-id V --name-id-format F [--name-qualifier Q]
                 [--sp-name-qualifier Q2] --session-index S [--relay-state R]
      -> like authn-request: a signed LogoutRequest to the IdP's SingleLogoutService of that binding
  logout-response --binding redirect|post --saml-response V [--request-id ID]
      (redirect: V is the whole query string: SAMLResponse, RelayState, SigAlg, Signature;
       post: V is the SAMLResponse form value)
      -> {"status", "second_level", "in_response_to", "issuer"}
  answer-logout-request --binding redirect|post --saml-request V [--relay-state R]
                        [--status success|responder]
      (redirect: V is the whole query string; post: V is the SAMLRequest form value. The SP answers
       with the same binding, to the IdP's SingleLogoutService)
      -> {"name_id", "name_id_format", "session_indexes", "request_id", "issuer",
          "url"} (redirect) or {..., "action", "SAMLResponse", "RelayState"} (post)

Exit status 0 on success; 2 when the message is refused (bad or missing signature, wrong
destination, unsolicited, unexpected InResponseTo, ...), with {"refused": kind, "detail": text} on
stdout; anything else (bad arguments, a broken set-up) is a Python error with its traceback on stderr.
"""
import argparse
import base64
import json
import os
import re
import sys
from urllib.parse import parse_qs

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from defusedxml import ElementTree
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, samlp
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import entity_descriptor
from saml2.s_utils import decode_base64_and_inflate
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
from saml2.samlp import STATUS_RESPONDER, STATUS_SUCCESS
from saml2.sigver import verify_redirect_signature
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

BINDINGS = {"redirect": BINDING_HTTP_REDIRECT, "post": BINDING_HTTP_POST}


class Refused(Exception):
    """The message is not acceptable to this SP (exit status 2)."""


def config(args):
    key = os.path.join(args.dir, "sp.key")
    cert = os.path.join(args.dir, "sp.crt")
    endpoints = {"assertion_consumer_service": [(args.acs, BINDING_HTTP_POST)]}
    if args.slo:
        endpoints["single_logout_service"] = [(args.slo, BINDING_HTTP_REDIRECT), (args.slo, BINDING_HTTP_POST)]
    conf = {
        "entityid": args.entity_id,
        "key_file": key,
        "cert_file": cert,
        "encryption_keypairs": [{"key_file": key, "cert_file": cert}],
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "endpoints": endpoints,
                "authn_requests_signed": True,
                "logout_requests_signed": True,
                "logout_responses_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "allow_unsolicited": getattr(args, "request_id", None) is None,
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "signing_algorithm": SIG_RSA_SHA256,
                "digest_algorithm": DIGEST_SHA256,
            }
        },
    }
    if getattr(args, "idp_metadata", None):
        conf["metadata"] = {"local": [args.idp_metadata]}
    sp = SPConfig()
    sp.load(conf)
    return sp


def idp_entity_id(client):
    idps = list(client.metadata.identity_providers())
    if len(idps) != 1:
        raise SystemExit("expected exactly one IdP in the metadata, found %d" % len(idps))
    return idps[0]


def idp_slo_location(client, idp, binding):
    services = client.metadata.single_logout_service(idp, binding, "idpsso")
    if not services:
        raise SystemExit("the IdP metadata has no SingleLogoutService for " + binding)
    return services[0]["location"]


def send(client, binding, xml, destination, relay_state, response=False):
    """The message as the binding carries it: a signed query (redirect) or form fields (post)."""
    if binding == BINDING_HTTP_REDIRECT:
        info = client.apply_binding(binding, xml, destination, relay_state, response=response,
                                    sign=True, sigalg=SIG_RSA_SHA256)
        return {"url": dict(info["headers"])["Location"]}
    field = "SAMLResponse" if response else "SAMLRequest"
    return {"action": destination, field: base64.b64encode(xml.encode("utf-8")).decode("ascii"),
            "RelayState": relay_state or ""}


def received(client, idp, binding, value, field):
    """Verifies what the IdP sent with the IdP metadata's signing certificates; returns the XML.

    Redirect: the detached signature over the query (SAML Bindings §3.4.4.1), checked by pysaml2's
    verify_redirect_signature. Post: the enveloped signature, checked by xmlsec1 through pysaml2's
    security context (must=True: an unsigned message is refused).
    """
    if binding == BINDING_HTTP_REDIRECT:
        query = {k: v[0] for k, v in parse_qs(value, keep_blank_values=True).items()}
        if field not in query:
            raise Refused("no %s in the query" % field)
        if "Signature" not in query or "SigAlg" not in query:
            raise Refused("the redirected message is not signed")
        certs = client.metadata.certs(idp, "idpsso", "signing")
        if not any(verify_redirect_signature(query, client.sec.sec_backend, cert=cert) for cert in certs):
            raise Refused("the query signature does not verify with the IdP's certificates")
        return decode_base64_and_inflate(query[field]).decode("utf-8"), query.get("RelayState", "")
    return base64.b64decode(value).decode("utf-8"), None


def check_issuer_and_destination(message, idp, client, args):
    issuer = message.issuer.text.strip() if message.issuer is not None else None
    if issuer != idp:
        raise Refused("issuer %s is not the IdP %s" % (issuer, idp))
    if message.destination and message.destination != args.slo:
        raise Refused("destination %s is not this SP's SLO endpoint %s" % (message.destination, args.slo))


def cmd_metadata(args):
    print(str(entity_descriptor(config(args))))


def cmd_authn_request(args):
    client = Saml2Client(config=config(args))
    idp = idp_entity_id(client)
    binding = BINDINGS[args.binding]
    extra = {}
    if args.force_authn:
        extra["force_authn"] = "true"
    if args.passive:
        extra["is_passive"] = "true"
    if binding == BINDING_HTTP_REDIRECT:
        # prepare_for_authenticate signs the query (SAML Bindings §3.4.4.1), not the XML.
        request_id, info = client.prepare_for_authenticate(
            entityid=idp, relay_state=args.relay_state or "", binding=binding, sign=True,
            sigalg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256, **extra)
        print(json.dumps({"id": request_id, "url": dict(info["headers"])["Location"]}))
        return
    destination = client.sso_location(idp, binding)
    # binding= is the ProtocolBinding the Response should come back with; the signature is enveloped.
    request_id, request = client.create_authn_request(
        destination, binding=BINDING_HTTP_POST, sign=True, sign_alg=SIG_RSA_SHA256,
        digest_alg=DIGEST_SHA256, **extra)
    print(json.dumps({"id": request_id, **send(client, binding, str(request), destination, args.relay_state)}))


def cmd_response(args):
    client = Saml2Client(config=config(args))
    outstanding = {args.request_id: "/"} if args.request_id else {}
    response = client.parse_authn_request_response(args.saml_response, BINDING_HTTP_POST, outstanding)
    if response is None:
        raise Refused("pysaml2 returned no response")
    name_id = response.name_id
    print(json.dumps({
        "issuer": response.issuer(),
        "name_id": name_id.text if name_id is not None else None,
        "name_id_format": name_id.format if name_id is not None else None,
        "name_qualifier": name_id.name_qualifier if name_id is not None else None,
        "sp_name_qualifier": name_id.sp_name_qualifier if name_id is not None else None,
        "session_index": response.session_info()["session_index"],
        "attributes": response.ava,
        "in_response_to": response.in_response_to,
    }))


XENC = "http://www.w3.org/2001/04/xmlenc#"
XENC11 = "http://www.w3.org/2009/xmlenc11#"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
HASHES = {"http://www.w3.org/2000/09/xmldsig#sha1": hashes.SHA1, XENC + "sha256": hashes.SHA256,
          "http://www.w3.org/2001/04/xmldsig-more#sha384": hashes.SHA384, XENC + "sha512": hashes.SHA512}
MGFS = {XENC11 + "mgf1sha1": hashes.SHA1, XENC11 + "mgf1sha224": hashes.SHA224, XENC11 + "mgf1sha256": hashes.SHA256,
        XENC11 + "mgf1sha384": hashes.SHA384, XENC11 + "mgf1sha512": hashes.SHA512}


def cmd_decrypt_xmlenc11(args):
    """XML Encryption 1.1 §5.5.2 (RSA-OAEP) and §5.2.4 (AES-GCM: 96-bit IV first, 128-bit tag last)."""
    xml = base64.b64decode(args.saml_response).decode("utf-8")
    spans = list(re.finditer(r"<([\w.-]+:)?EncryptedAssertion\b.*?</\1EncryptedAssertion>", xml, re.S))
    if len(spans) != 1:
        raise Refused("expected one EncryptedAssertion, found %d" % len(spans))
    encrypted = ElementTree.fromstring(xml).find(".//{urn:oasis:names:tc:SAML:2.0:assertion}EncryptedAssertion")
    data = encrypted.find("{%s}EncryptedData" % XENC)
    key = encrypted.find(".//{%s}EncryptedKey" % XENC)
    data_algorithm = data.find("{%s}EncryptionMethod" % XENC).get("Algorithm")
    transport = key.find("{%s}EncryptionMethod" % XENC)
    key_transport = transport.get("Algorithm")
    if key_transport not in (XENC11 + "rsa-oaep", XENC + "rsa-oaep-mgf1p"):
        raise Refused("key transport %s" % key_transport)
    digest_node = transport.find(DS + "DigestMethod")
    digest = digest_node.get("Algorithm") if digest_node is not None else "http://www.w3.org/2000/09/xmldsig#sha1"
    mgf_node = transport.find("{%s}MGF" % XENC11)
    mgf = mgf_node.get("Algorithm") if mgf_node is not None else XENC11 + "mgf1sha1"
    if key_transport == XENC + "rsa-oaep-mgf1p" and mgf_node is not None:
        raise Refused("rsa-oaep-mgf1p takes no MGF")
    label_node = transport.find("{%s}OAEPparams" % XENC)
    label = base64.b64decode(label_node.text) if label_node is not None and label_node.text else None
    with open(os.path.join(args.dir, "sp.key"), "rb") as f:
        private_key = serialization.load_pem_private_key(f.read(), password=None)
    cek = private_key.decrypt(base64.b64decode(key.find("{%s}CipherData/{%s}CipherValue" % (XENC, XENC)).text), padding.OAEP(
        mgf=padding.MGF1(MGFS[mgf]()), algorithm=HASHES[digest](), label=label))
    cipher = base64.b64decode(data.find("{%s}CipherData/{%s}CipherValue" % (XENC, XENC)).text)
    if data_algorithm == XENC11 + "aes256-gcm":
        plain = AESGCM(cek).decrypt(cipher[:12], cipher[12:], None)
    elif data_algorithm == XENC + "aes256-cbc":
        decryptor = Cipher(algorithms.AES(cek), modes.CBC(cipher[:16])).decryptor()
        padded = decryptor.update(cipher[16:]) + decryptor.finalize()
        plain = padded[:-padded[-1]]
    else:
        raise Refused("data encryption %s" % data_algorithm)
    span = spans[0].span()
    decrypted = xml[:span[0]] + plain.decode("utf-8") + xml[span[1]:]
    print(json.dumps({"saml_response": base64.b64encode(decrypted.encode("utf-8")).decode("ascii"),
                      "data_algorithm": data_algorithm, "key_transport": key_transport, "digest": digest,
                      "mgf": mgf if key_transport == XENC11 + "rsa-oaep" else None}))


def cmd_logout_request(args):
    client = Saml2Client(config=config(args))
    idp = idp_entity_id(client)
    binding = BINDINGS[args.binding]
    destination = idp_slo_location(client, idp, binding)
    name_id = NameID(text=args.name_id, format=args.name_id_format, name_qualifier=args.name_qualifier,
                     sp_name_qualifier=args.sp_name_qualifier)
    # Redirect: the signature goes into the query (apply_binding), not into the XML.
    request_id, request = client.create_logout_request(
        destination, idp, name_id=name_id, session_indexes=[args.session_index],
        sign=binding == BINDING_HTTP_POST, sign_alg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256)
    print(json.dumps({"id": request_id, **send(client, binding, str(request), destination, args.relay_state)}))


def cmd_logout_response(args):
    client = Saml2Client(config=config(args))
    idp = idp_entity_id(client)
    binding = BINDINGS[args.binding]
    xml, _ = received(client, idp, binding, args.saml_response, "SAMLResponse")
    if binding == BINDING_HTTP_POST:
        # raises SignatureError when the enveloped signature is missing or does not verify
        response = client.sec.correctly_signed_logout_response(xml, must=True)
    else:
        response = samlp.logout_response_from_string(xml)
    if response is None:
        raise Refused("not a LogoutResponse")
    check_issuer_and_destination(response, idp, client, args)
    if args.request_id and response.in_response_to != args.request_id:
        raise Refused("InResponseTo %s is not the request %s" % (response.in_response_to, args.request_id))
    code = response.status.status_code
    print(json.dumps({
        "status": code.value,
        "second_level": code.status_code.value if code.status_code is not None else None,
        "in_response_to": response.in_response_to,
        "issuer": response.issuer.text.strip(),
    }))


def cmd_answer_logout_request(args):
    client = Saml2Client(config=config(args))
    idp = idp_entity_id(client)
    binding = BINDINGS[args.binding]
    xml, relay_state = received(client, idp, binding, args.saml_request, "SAMLRequest")
    if binding == BINDING_HTTP_POST:
        request = client.sec.correctly_signed_logout_request(xml, must=True)
    else:
        request = samlp.logout_request_from_string(xml)
    if request is None:
        raise Refused("not a LogoutRequest")
    check_issuer_and_destination(request, idp, client, args)
    status = samlp.Status(status_code=samlp.StatusCode(value=STATUS_SUCCESS)) if args.status == "success" \
        else samlp.Status(status_code=samlp.StatusCode(value=STATUS_RESPONDER))
    destination = idp_slo_location(client, idp, binding)
    response = client.create_logout_response(
        request, bindings=[binding], status=status, sign=binding == BINDING_HTTP_POST,
        sign_alg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256)
    relay = args.relay_state if args.relay_state is not None else (relay_state or "")
    name_id = request.name_id
    print(json.dumps({
        "request_id": request.id,
        "issuer": request.issuer.text.strip(),
        "name_id": name_id.text if name_id is not None else None,
        "name_id_format": name_id.format if name_id is not None else None,
        "session_indexes": [s.text for s in request.session_index],
        **send(client, binding, str(response), destination, relay, response=True),
    }))


COMMANDS = {
    "metadata": cmd_metadata,
    "authn-request": cmd_authn_request,
    "response": cmd_response,
    "decrypt-xmlenc11": cmd_decrypt_xmlenc11,
    "logout-request": cmd_logout_request,
    "logout-response": cmd_logout_response,
    "answer-logout-request": cmd_answer_logout_request,
}


def parser():
    top = argparse.ArgumentParser(description="pysaml2 as a SAML service provider, one message at a time")
    sub = top.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        p = sub.add_parser(name)
        p.add_argument("--dir", required=True)
        p.add_argument("--entity-id", required=True)
        p.add_argument("--acs", required=True)
        p.add_argument("--slo", required=name in ("logout-response", "answer-logout-request"))
        if name != "metadata":
            p.add_argument("--idp-metadata", required=True)
        if name in ("authn-request", "logout-request", "logout-response", "answer-logout-request"):
            p.add_argument("--binding", choices=sorted(BINDINGS), required=True)
        if name in ("authn-request", "logout-request", "answer-logout-request"):
            p.add_argument("--relay-state")
        if name == "authn-request":
            p.add_argument("--force-authn", action="store_true")
            p.add_argument("--passive", action="store_true")
        if name == "response":
            p.add_argument("--saml-response", required=True)
            p.add_argument("--request-id")
        if name == "decrypt-xmlenc11":
            p.add_argument("--saml-response", required=True)
        if name == "logout-request":
            p.add_argument("--name-id", required=True)
            p.add_argument("--name-id-format", required=True)
            p.add_argument("--name-qualifier")
            p.add_argument("--sp-name-qualifier")
            p.add_argument("--session-index", required=True)
        if name == "logout-response":
            p.add_argument("--saml-response", required=True)
            p.add_argument("--request-id")
        if name == "answer-logout-request":
            p.add_argument("--saml-request", required=True)
            p.add_argument("--status", choices=["success", "responder"], default="success")
    return top


def main():
    args = parser().parse_args()
    try:
        COMMANDS[args.command](args)
    except Refused as e:
        print(json.dumps({"refused": "Refused", "detail": str(e)[:500]}))
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as e:  # pysaml2 raises many kinds (SignatureError, UnsolicitedResponse, ...)
        if type(e).__module__.startswith("saml2"):
            print(json.dumps({"refused": type(e).__name__, "detail": str(e)[:500]}))
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
