package io.mlconnector.api.spec;

import java.util.List;

/** The answer to "Test connection": one line per system, in words a finance person understands. */
public record CheckResult(List<SideCheck> sides) {

    /** How one system answered. */
    public record SideCheck(String system, boolean ok, String message) {
    }

    public CheckResult {
        sides = List.copyOf(sides);
    }

    public static CheckResult of(SideCheck... sides) {
        return new CheckResult(List.of(sides));
    }

    public static SideCheck ok(String system, String message) {
        return new SideCheck(system, true, message);
    }

    public static SideCheck problem(String system, String message) {
        return new SideCheck(system, false, message);
    }

    public boolean allOk() {
        return sides.stream().allMatch(SideCheck::ok);
    }
}
