package dev.secretstore.emulator.gcp.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The list filter language (AIP-160 as Secret Manager documents it): restrictions {@code field:value}
 * (has / contains, {@code :*} for presence), {@code =}, {@code !=}, {@code <}, {@code >}, {@code <=},
 * {@code >=}; {@code AND}, {@code OR} (binds tighter than AND), {@code NOT} / {@code -}, parentheses, implicit
 * AND between terms, and bare values matched against any field.
 */
public final class ListFilter {
  /** What a filter is evaluated against: field path → value (labels as {@code labels.<key>}). */
  public interface Target {
    Optional<String> field(String path);

    Map<String, String> allFields();
  }

  private final Predicate<Target> predicate;

  private ListFilter(Predicate<Target> predicate) {
    this.predicate = predicate;
  }

  public static ListFilter parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return new ListFilter(t -> true);
    }
    Parser p = new Parser(filter);
    Predicate<Target> pred = p.expression();
    p.skipSpace();
    if (!p.atEnd()) {
      throw p.error("unexpected '" + filter.substring(p.pos) + "'");
    }
    return new ListFilter(pred);
  }

  public boolean matches(Target target) {
    return predicate.test(target);
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    ApiError error(String why) {
      return ApiError.invalidArgument("Invalid filter '" + s + "': " + why + ".");
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    void skipSpace() {
      while (!atEnd() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private boolean keyword(String k) {
      skipSpace();
      int end = pos + k.length();
      if (s.startsWith(k, pos) && (end >= s.length() || Character.isWhitespace(s.charAt(end))
          || s.charAt(end) == '(')) {
        pos = end;
        return true;
      }
      return false;
    }

    Predicate<Target> expression() {
      Predicate<Target> p = sequence();
      while (keyword("AND")) {
        p = p.and(sequence());
      }
      return p;
    }

    private Predicate<Target> sequence() {
      Predicate<Target> p = factor();
      while (true) {
        skipSpace();
        if (atEnd() || s.charAt(pos) == ')' || lookingAtKeyword("AND")) {
          return p;
        }
        p = p.and(factor());
      }
    }

    private boolean lookingAtKeyword(String k) {
      int save = pos;
      boolean is = keyword(k);
      pos = save;
      return is;
    }

    private Predicate<Target> factor() {
      Predicate<Target> p = term();
      while (keyword("OR")) {
        p = p.or(term());
      }
      return p;
    }

    private Predicate<Target> term() {
      skipSpace();
      if (keyword("NOT")) {
        return simple().negate();
      }
      if (!atEnd() && s.charAt(pos) == '-') {
        pos++;
        return simple().negate();
      }
      return simple();
    }

    private Predicate<Target> simple() {
      skipSpace();
      if (atEnd()) {
        throw error("expected a restriction");
      }
      if (s.charAt(pos) == '(') {
        pos++;
        Predicate<Target> p = expression();
        skipSpace();
        if (atEnd() || s.charAt(pos) != ')') {
          throw error("missing ')'");
        }
        pos++;
        return p;
      }
      String first = value();
      skipSpace();
      String op = comparator();
      if (op == null) {
        return t -> t.allFields().values().stream().anyMatch(v -> v.contains(first));
      }
      if (!first.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
        throw error("'" + first + "' is not a field name");
      }
      skipSpace();
      String arg = value();
      return restriction(first, op, arg);
    }

    private String comparator() {
      for (String op : new String[] {"<=", ">=", "!=", ":", "=", "<", ">"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      return null;
    }

    private String value() {
      if (atEnd()) {
        throw error("expected a value");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        int end = s.indexOf('"', pos + 1);
        if (end < 0) {
          throw error("unterminated string");
        }
        String v = s.substring(pos + 1, end);
        pos = end + 1;
        return v;
      }
      int start = pos;
      while (!atEnd() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != ')' && s.charAt(pos) != '('
          && !(pos > start && isComparatorStart(s.charAt(pos)) && isFieldSoFar(s.substring(start, pos)))) {
        pos++;
      }
      if (pos == start) {
        throw error("expected a value");
      }
      return s.substring(start, pos);
    }

    private static boolean isComparatorStart(char c) {
      return c == ':' || c == '=' || c == '!' || c == '<' || c == '>';
    }

    private static boolean isFieldSoFar(String text) {
      return text.matches("[A-Za-z_][A-Za-z0-9_.\\-]*");
    }

    private Predicate<Target> restriction(String field, String op, String arg) {
      String path = field.equals("create_time") || field.equals("createTime") ? "create_time"
          : field.equals("destroy_time") ? "destroy_time" : field;
      boolean time = path.endsWith("_time");
      Instant argTime = time && !arg.equals("*") ? parseTime(arg) : null;
      return t -> {
        Optional<String> v = t.field(path);
        switch (op) {
          case ":":
            if (arg.equals("*")) {
              return v.isPresent();
            }
            return v.isPresent() && v.get().contains(arg);
          case "=":
            return v.isPresent() && v.get().equals(arg);
          case "!=":
            return v.isEmpty() || !v.get().equals(arg);
          default:
            if (v.isEmpty()) {
              return false;
            }
            int cmp = time ? Instant.parse(v.get()).compareTo(argTime) : v.get().compareTo(arg);
            return op.equals("<") ? cmp < 0 : op.equals(">") ? cmp > 0 : op.equals("<=") ? cmp <= 0 : cmp >= 0;
        }
      };
    }

    private Instant parseTime(String arg) {
      try {
        return Instant.parse(arg);
      } catch (DateTimeParseException e) {
        try {
          return java.time.LocalDate.parse(arg).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e2) {
          throw error("'" + arg + "' is not an RFC 3339 timestamp");
        }
      }
    }
  }
}
