package dev.secretstore.emulator.gcp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An IAM condition: the CEL subset IAM uses for resource attributes. Supported: {@code resource.name},
 * {@code resource.type}, {@code resource.service}; {@code startsWith}, {@code endsWith}, {@code ==},
 * {@code !=}; {@code &&}, {@code ||}, {@code !}, parentheses, {@code true}/{@code false}.
 */
public final class IamCondition {
  private final String title;
  private final String description;
  private final String expression;
  private final Predicate<Map<String, String>> predicate;

  private IamCondition(String title, String description, String expression, Predicate<Map<String, String>> p) {
    this.title = title;
    this.description = description;
    this.expression = expression;
    this.predicate = p;
  }

  public static IamCondition parse(String title, String description, String expression) {
    Parser parser = new Parser(expression);
    Predicate<Map<String, String>> p = parser.parseAll();
    return new IamCondition(title, description, expression, p);
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String expression() {
    return expression;
  }

  public boolean matches(Map<String, String> attributes) {
    return predicate.test(attributes);
  }

  private static final class Parser {
    private final String src;
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    Parser(String src) {
      this.src = src;
      tokenize();
    }

    private ApiError error(String why) {
      return ApiError.invalidArgument("Condition expression '" + src + "' is not supported by the emulator: " + why);
    }

    private void tokenize() {
      int i = 0;
      while (i < src.length()) {
        char c = src.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '"' || c == '\'') {
          int end = src.indexOf(c, i + 1);
          if (end < 0) {
            throw error("unterminated string");
          }
          tokens.add(src.substring(i, end + 1));
          i = end + 1;
        } else if (src.startsWith("&&", i) || src.startsWith("||", i) || src.startsWith("==", i)
            || src.startsWith("!=", i)) {
          tokens.add(src.substring(i, i + 2));
          i += 2;
        } else if ("()!,".indexOf(c) >= 0) {
          tokens.add(String.valueOf(c));
          i++;
        } else if (Character.isLetter(c)) {
          int j = i;
          while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.'
              || src.charAt(j) == '_')) {
            j++;
          }
          tokens.add(src.substring(i, j));
          i = j;
        } else {
          throw error("unexpected '" + c + "'");
        }
      }
    }

    Predicate<Map<String, String>> parseAll() {
      Predicate<Map<String, String>> p = or();
      if (pos != tokens.size()) {
        throw error("unexpected '" + tokens.get(pos) + "'");
      }
      return p;
    }

    private String peek() {
      return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private String next() {
      if (pos >= tokens.size()) {
        throw error("unexpected end");
      }
      return tokens.get(pos++);
    }

    private void expect(String t) {
      if (!next().equals(t)) {
        throw error("expected '" + t + "'");
      }
    }

    private Predicate<Map<String, String>> or() {
      Predicate<Map<String, String>> p = and();
      while (peek().equals("||")) {
        next();
        p = p.or(and());
      }
      return p;
    }

    private Predicate<Map<String, String>> and() {
      Predicate<Map<String, String>> p = unary();
      while (peek().equals("&&")) {
        next();
        p = p.and(unary());
      }
      return p;
    }

    private Predicate<Map<String, String>> unary() {
      if (peek().equals("!")) {
        next();
        return unary().negate();
      }
      if (peek().equals("(")) {
        next();
        Predicate<Map<String, String>> p = or();
        expect(")");
        return p;
      }
      String t = next();
      if (t.equals("true")) {
        return a -> true;
      }
      if (t.equals("false")) {
        return a -> false;
      }
      for (String fn : List.of(".startsWith", ".endsWith")) {
        if (t.endsWith(fn)) {
          String attribute = attribute(t.substring(0, t.length() - fn.length()));
          expect("(");
          String arg = literal(next());
          expect(")");
          return fn.equals(".startsWith")
              ? a -> a.getOrDefault(attribute, "").startsWith(arg)
              : a -> a.getOrDefault(attribute, "").endsWith(arg);
        }
      }
      String attribute = attribute(t);
      String op = next();
      String value = literal(next());
      if (op.equals("==")) {
        return a -> a.getOrDefault(attribute, "").equals(value);
      }
      if (op.equals("!=")) {
        return a -> !a.getOrDefault(attribute, "").equals(value);
      }
      throw error("unsupported operator '" + op + "'");
    }

    private String attribute(String t) {
      if (!t.equals("resource.name") && !t.equals("resource.type") && !t.equals("resource.service")) {
        throw error("unsupported attribute '" + t + "'");
      }
      return t;
    }

    private String literal(String t) {
      if (t.length() < 2 || (t.charAt(0) != '"' && t.charAt(0) != '\'')) {
        throw error("expected a string literal, got '" + t + "'");
      }
      return t.substring(1, t.length() - 1);
    }
  }
}
