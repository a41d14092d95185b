package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of TimeWindowDecision, moved by a fixed clock. */
class TimeWindowDecisionTest {
    private static final Action INSIDE = Action.goTo("inside");
    private static final Action OUTSIDE = Action.goTo("outside");
    private static final Map<String, Object> OFFICE_HOURS = Map.of("zone", "Europe/Paris",
            "days", List.of("MON", "TUE", "WED", "THU", "FRI"), "from", "08:30", "to", "18:00");
    private static final Map<String, Object> NIGHT_SHIFT = Map.of("zone", "America/New_York",
            "days", List.of("FRI"), "from", "22:00", "to", "06:00");

    /** 2026-11-26 is a Thursday; Paris is UTC+1 in November, New York UTC-5. */
    private static Action at(String utcInstant, Map<String, Object> config) {
        Clock clock = Clock.fixed(Instant.parse(utcInstant), ZoneOffset.UTC);
        return new TimeWindowDecision(clock).process(new NodeContext("r", "hours", config,
                new NodeState(Map.of()), List.of()));
    }

    @Test
    void weekdayInsideOfficeHoursInTheConfiguredZone() {
        assertEquals(INSIDE, at("2026-11-26T07:30:00Z", OFFICE_HOURS)); // 08:30 Paris: from is inclusive
        assertEquals(INSIDE, at("2026-11-26T16:59:59Z", OFFICE_HOURS));
        assertEquals(OUTSIDE, at("2026-11-26T17:00:00Z", OFFICE_HOURS)); // 18:00 Paris: to is exclusive
        assertEquals(OUTSIDE, at("2026-11-26T07:29:59Z", OFFICE_HOURS));
    }

    @Test
    void zoneDecidesNotTheClockZone() {
        // 08:00 UTC is 09:00 in Paris (inside) but 08:00 in London (before 08:30)
        Map<String, Object> london = Map.of("zone", "Europe/London", "from", "08:30", "to", "18:00");
        assertEquals(INSIDE, at("2026-11-26T08:00:00Z", OFFICE_HOURS));
        assertEquals(OUTSIDE, at("2026-11-26T08:00:00Z", london));
    }

    @Test
    void daysExcludeTheWeekendAndAbsentDaysMeanEveryDay() {
        assertEquals(OUTSIDE, at("2026-11-28T10:00:00Z", OFFICE_HOURS)); // Saturday
        Map<String, Object> everyDay = Map.of("zone", "Europe/Paris", "from", "08:30", "to", "18:00");
        assertEquals(INSIDE, at("2026-11-28T10:00:00Z", everyDay));
    }

    @Test
    void windowSpanningMidnightBelongsToTheDayItOpens() {
        assertEquals(INSIDE, at("2026-11-28T04:00:00Z", NIGHT_SHIFT)); // Friday 23:00 New York
        assertEquals(INSIDE, at("2026-11-28T10:59:00Z", NIGHT_SHIFT)); // Saturday 05:59 New York
        assertEquals(OUTSIDE, at("2026-11-28T11:00:00Z", NIGHT_SHIFT)); // Saturday 06:00
        assertEquals(OUTSIDE, at("2026-11-27T04:00:00Z", NIGHT_SHIFT)); // Thursday 23:00
        assertEquals(OUTSIDE, at("2026-11-27T10:00:00Z", NIGHT_SHIFT)); // Friday 05:00: opened Thursday
        assertEquals(OUTSIDE, at("2026-11-28T02:59:00Z", NIGHT_SHIFT)); // Friday 21:59
    }

    @Test
    void validationNamesEachBadKey() {
        TimeWindowDecision node = new TimeWindowDecision(Clock.systemUTC());
        assertEquals(List.of(), node.configProblems(OFFICE_HOURS));
        assertEquals(List.of("'zone' must be an IANA time-zone id such as Europe/Paris"),
                node.configProblems(Map.of("zone", "Mars/Olympus", "from", "08:00", "to", "09:00")));
        assertEquals(List.of("'zone' must be an IANA time-zone id such as Europe/Paris"),
                node.configProblems(Map.of("zone", "+02:00", "from", "08:00", "to", "09:00")));
        assertEquals(List.of("'zone' is required (an IANA id such as Europe/Paris)"),
                node.configProblems(Map.of("from", "08:00", "to", "09:00")));
        assertEquals(List.of("'from' must be a time HH:mm such as \"08:30\""),
                node.configProblems(Map.of("zone", "UTC", "from", "8am", "to", "09:00")));
        assertEquals(List.of("'to' must be a time HH:mm such as \"08:30\""),
                node.configProblems(Map.of("zone", "UTC", "from", "08:00", "to", "24:00")));
        assertEquals(List.of("'to' is required (HH:mm)"), node.configProblems(Map.of("zone", "UTC", "from", "08:00")));
        assertEquals(List.of("'from' and 'to' must differ"),
                node.configProblems(Map.of("zone", "UTC", "from", "08:00", "to", "08:00")));
        assertEquals(List.of("'days' entries must be MON, TUE, WED, THU, FRI, SAT or SUN"),
                node.configProblems(Map.of("zone", "UTC", "from", "08:00", "to", "09:00", "days", List.of("FUNDAY"))));
        assertEquals(List.of("'days' must be a non-empty list"),
                node.configProblems(Map.of("zone", "UTC", "from", "08:00", "to", "09:00", "days", List.of())));
    }
}
