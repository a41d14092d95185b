package dev.arbor.authtree.node;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Time window condition: {@code inside} when the injected clock's instant, seen in the configured IANA
 * {@code zone}, falls on one of {@code days} (MON..SUN; all days when absent) between {@code from}
 * (inclusive) and {@code to} (exclusive), both {@code HH:mm} local time; {@code outside} otherwise. A
 * {@code to} before {@code from} spans midnight, and then {@code days} names the day the window opens:
 * {@code days: [FRI], from: "22:00", to: "06:00"} holds Friday 23:00 and Saturday 05:59.
 */
public final class TimeWindowDecision implements Node {
    public static final String TYPE = "TimeWindowDecision";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT); // "24:00" is not 00:00
    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final Clock clock;

    public TimeWindowDecision(Clock clock) {
        this.clock = clock;
    }

    /** Typed config: the zone, the days (all when unset) and the local-time window. */
    record Config(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            LocalTime from = time(c, "from");
            LocalTime to = time(c, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("'from' and 'to' must differ");
            }
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (raw != null && raw.get("days") != null) {
                days = EnumSet.noneOf(DayOfWeek.class);
                for (String day : c.strings("days")) {
                    int index = DAY_NAMES.indexOf(day.toUpperCase(Locale.ROOT));
                    if (index < 0) {
                        throw new IllegalArgumentException("'days' entries must be MON, TUE, WED, THU, FRI, SAT or SUN");
                    }
                    days.add(DayOfWeek.of(index + 1));
                }
            }
            return new Config(zone(c), days, from, to);
        }

        private static ZoneId zone(NodeConfig c) {
            String id = c.string("zone").map(String::strip)
                    .orElseThrow(() -> new IllegalArgumentException("'zone' is required (an IANA id such as Europe/Paris)"));
            if (!ZoneId.getAvailableZoneIds().contains(id)) { // region ids only: no "+02:00", no "Z"
                throw new IllegalArgumentException("'zone' must be an IANA time-zone id such as Europe/Paris");
            }
            return ZoneId.of(id);
        }

        private static LocalTime time(NodeConfig c, String key) {
            String value = c.string(key).map(String::strip)
                    .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required (HH:mm)"));
            try {
                return LocalTime.parse(value, HH_MM);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + key + "' must be a time HH:mm such as \"08:30\"");
            }
        }

        boolean holds(ZonedDateTime now) {
            LocalTime time = now.toLocalTime();
            if (from.isBefore(to)) {
                return days.contains(now.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
            }
            if (!time.isBefore(from)) { // the evening part: the window opened today
                return days.contains(now.getDayOfWeek());
            }
            return time.isBefore(to) && days.contains(now.getDayOfWeek().minus(1)); // opened yesterday
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("inside", "outside");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        return Action.goTo(config.holds(clock.instant().atZone(config.zone())) ? "inside" : "outside");
    }
}
