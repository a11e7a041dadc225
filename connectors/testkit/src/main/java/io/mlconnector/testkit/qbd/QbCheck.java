package io.mlconnector.testkit.qbd;

import java.time.LocalDate;
import java.util.List;

/** A check and its expense and item lines. */
public record QbCheck(String txnId, String editSequence, String refNumber, String bankAccount, String payeeFullName,
        LocalDate txnDate, String amount, String memo, List<Line> lines) {

    public record Line(String txnLineId, String accountFullName, String itemFullName, String amount, String memo,
            String customerFullName) {
    }
}
