/**
 * The HTTP API under {@code /api/v1} for other systems (documents, their content and metadata,
 * search, certified copies), with bearer keys, roles and agency scoping; and the public page a
 * certified copy's QR code opens ({@code /verify/<copy-id>}).
 */
package sohoa.server;
