package dev.emulator.seam.web;

/**
 * The validated parameters of one route: a record with a static {@code from(SeamParams)}
 * that reads what the route takes and records what is wrong on the {@link SeamParams}. A
 * handler declares the record as an argument and gets it only once every error has been
 * raised ({@link RouteParamsArgumentResolver}): a route cannot forget to validate.
 */
public interface RouteParams {

}
