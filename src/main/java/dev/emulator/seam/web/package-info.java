/**
 * HTTP concerns shared by every route: the one exception type and the one error writer, the request id, how
 * parameters are read from the query string or the JSON body, and how each route declares its methods and accepted
 * credentials ({@link dev.emulator.seam.web.SeamRoute}).
 */
package dev.emulator.seam.web;
