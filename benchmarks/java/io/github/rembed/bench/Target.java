package io.github.rembed.bench;

/**
 * One target of the issue, with the measured ratio and whether it was met.
 *
 * @param why what explains a miss (or a note on a pass); empty when there is nothing to add
 */
record Target(String name, String goal, String measured, boolean pass, String why) {

    static Table table(java.util.List<Target> targets) {
        Table t = new Table("Targets", "target", "goal", "measured", "result", "why");
        for (Target x : targets) {
            t.row(x.name, x.goal, x.measured, x.pass ? "PASS" : "MISS", x.why.isEmpty() ? "-" : x.why);
        }
        return t;
    }
}
