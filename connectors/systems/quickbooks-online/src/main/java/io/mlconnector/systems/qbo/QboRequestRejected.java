package io.mlconnector.systems.qbo;

import io.mlconnector.api.CannotProcess;
import java.util.List;

/**
 * QuickBooks Online refused a request for a reason that sending it again unchanged will not fix
 * (validation, duplicate, missing object, a transaction already deposited). The faults say which;
 * callers that can recover (look the duplicate up, read again) check {@link #isDuplicate()} and
 * friends, and anything else parks the item with the message QuickBooks gave.
 */
public class QboRequestRejected extends CannotProcess {

    private final int status;
    private final List<QboFault> faults;

    public QboRequestRejected(int status, List<QboFault> faults, String what) {
        super(what + ": " + (faults.isEmpty() ? "QuickBooks Online answered HTTP " + status : faults.get(0).describe()));
        this.status = status;
        this.faults = List.copyOf(faults);
    }

    public int status() {
        return status;
    }

    public List<QboFault> faults() {
        return faults;
    }

    public boolean isStaleObject() {
        return faults.stream().anyMatch(QboFault::isStaleObject);
    }

    public boolean isDuplicate() {
        return faults.stream().anyMatch(QboFault::isDuplicate);
    }

    public boolean isNotFound() {
        return status == 404 || faults.stream().anyMatch(QboFault::isNotFound);
    }

    public boolean hasCode(String code) {
        return faults.stream().anyMatch(f -> code.equals(f.code()));
    }
}
