/**
 * HTTP concerns shared by every route, below authentication: the one exception type and
 * the one error writer, the request id, how parameters are read from the query string or
 * the JSON body into a validated record, pagination and the edge filters. Nothing here
 * knows who is calling.
 */
package dev.emulator.seam.web;
