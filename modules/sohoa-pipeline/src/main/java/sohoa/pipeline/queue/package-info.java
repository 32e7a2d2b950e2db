/**
 * Scale-out over RabbitMQ: {@link sohoa.pipeline.queue.Enqueuer} stores originals and publishes
 * one task per document, {@link sohoa.pipeline.queue.Worker}s on any number of machines run the
 * same pipeline as {@code digitize} and acknowledge a task only once its results are stored and
 * catalogued, and record events go to a topic exchange for other systems.
 */
package sohoa.pipeline.queue;
