package org.newsflow.enrich.service;

import org.newsflow.contract.InvalidRecordException;

/** A record over one of enrich's declared limits (size, time): dead-lettered with this message as the reason. */
public final class LimitExceededException extends InvalidRecordException {
    public LimitExceededException(String reason) {
        super(reason);
    }
}
