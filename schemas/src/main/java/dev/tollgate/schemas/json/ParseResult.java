package dev.tollgate.schemas.json;

import dev.tollgate.schemas.validation.Violation;

/** A value read from JSON, or the reason it could not be. */
public sealed interface ParseResult<T> {
  record Ok<T>(T value) implements ParseResult<T> {}

  record Invalid<T>(Violation violation) implements ParseResult<T> {}

  static <T> ParseResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> ParseResult<T> invalid(String field, String reason) {
    return new Invalid<>(new Violation(field, reason));
  }
}
