package dev.wslogs.model;

/** The two kinds of nginx log wslogs reads. */
public enum LogKind {
    ACCESS, ERROR;

    public String label() {
        return this == ACCESS ? "access" : "error";
    }
}
