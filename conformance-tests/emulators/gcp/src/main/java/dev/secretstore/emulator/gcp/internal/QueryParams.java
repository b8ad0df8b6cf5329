package dev.secretstore.emulator.gcp.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.FieldMaskUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies REST query parameters (JSON or proto field names, dotted for nested fields) to a request message. */
final class QueryParams {
  private static final Set<String> SYSTEM = Set.of("$alt", "alt", "key", "prettyPrint", "fields", "$.xgafv",
      "access_token", "quotaUser", "$callback", "upload_protocol", "uploadType");

  private QueryParams() {}

  static void apply(Map<String, List<String>> query, Message.Builder builder) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (SYSTEM.contains(e.getKey())) {
        continue;
      }
      for (String value : e.getValue()) {
        set(builder, e.getKey().split("\\."), 0, value, e.getKey());
      }
    }
  }

  private static void set(Message.Builder b, String[] path, int i, String value, String full) {
    FieldDescriptor fd = find(b, path[i]);
    if (fd == null) {
      throw ApiError.invalidArgument("Invalid JSON payload received. Unknown name \"" + full
          + "\": Cannot bind query parameter.");
    }
    if (i < path.length - 1) {
      if (fd.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        throw ApiError.invalidArgument("Query parameter \"" + full + "\" does not name a message field.");
      }
      set(b.getFieldBuilder(fd), path, i + 1, value, full);
      return;
    }
    try {
      switch (fd.getJavaType()) {
        case STRING: put(b, fd, value); break;
        case INT: put(b, fd, Integer.parseInt(value)); break;
        case LONG: put(b, fd, Long.parseLong(value)); break;
        case BOOLEAN: put(b, fd, Boolean.parseBoolean(value)); break;
        case ENUM:
          var ev = value.matches("-?\\d+") ? fd.getEnumType().findValueByNumber(Integer.parseInt(value))
              : fd.getEnumType().findValueByName(value);
          if (ev == null) {
            throw ApiError.invalidArgument("Invalid value at '" + full + "': " + value);
          }
          put(b, fd, ev);
          break;
        case MESSAGE:
          if (fd.getMessageType().getFullName().equals("google.protobuf.FieldMask")) {
            b.setField(fd, FieldMaskUtil.fromJsonString(value));
            break;
          }
          throw ApiError.invalidArgument("Query parameter \"" + full + "\" cannot carry a message.");
        default:
          throw ApiError.invalidArgument("Query parameter \"" + full + "\" has an unsupported type.");
      }
    } catch (NumberFormatException ex) {
      throw ApiError.invalidArgument("Invalid value at '" + full + "': " + value);
    }
  }

  private static void put(Message.Builder b, FieldDescriptor fd, Object v) {
    if (fd.isRepeated()) {
      b.addRepeatedField(fd, v);
    } else {
      b.setField(fd, v);
    }
  }

  private static FieldDescriptor find(Message.Builder b, String name) {
    for (FieldDescriptor fd : b.getDescriptorForType().getFields()) {
      if (fd.getName().equals(name) || fd.getJsonName().equals(name)) {
        return fd;
      }
    }
    return null;
  }
}
