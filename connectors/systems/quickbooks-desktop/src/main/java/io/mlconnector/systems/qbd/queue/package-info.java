/**
 * Requests queued for the Web Connector and their answers, for any QuickBooks Desktop pair:
 * {@link io.mlconnector.systems.qbd.queue.QbQueue} queues a typed request with a
 * {@link io.mlconnector.systems.qbd.queue.Step} (the flow's state, carried as the request's purpose),
 * {@link io.mlconnector.systems.qbd.queue.AnswerRouter} routes the answer back to the step's handler,
 * and {@link io.mlconnector.systems.qbd.queue.QbAnswer} says whether it was lost, worth retrying,
 * refused or done.
 */
package io.mlconnector.systems.qbd.queue;
