package io.vocmonitor.events;

/** Who answered a Service Excellence Scan (SPEC §2.4): a breakdown of the scan, and a bucket dimension. */
public enum ScanRole {
    EMPLOYEE(new Text("employee", "medewerker")),
    MANAGER(new Text("manager", "leidinggevende")),
    EXECUTIVE(new Text("executive", "directie"));

    private final Text label;

    ScanRole(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
