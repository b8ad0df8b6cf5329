package dev.secretstore.emulator.aws.internal.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A parsed IAM policy document (identity, trust or session policy). Keeps its JSON text for the control API. */
public final class PolicyDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;
    private final List<Statement> statements;

    private PolicyDocument(String json, List<Statement> statements) {
        this.json = json;
        this.statements = statements;
    }

    public String json() {
        return json;
    }

    List<Statement> statements() {
        return statements;
    }

    public static PolicyDocument parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PolicyException("Policy is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static PolicyDocument parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new PolicyException("A policy must be a JSON object with a Statement");
        }
        JsonNode statementNode = node.get("Statement");
        if (statementNode == null) {
            throw new PolicyException("Policy has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(s -> statements.add(statement(s)));
        } else {
            statements.add(statement(statementNode));
        }
        return new PolicyDocument(node.toString(), List.copyOf(statements));
    }

    private static Statement statement(JsonNode s) {
        String effect = text(s, "Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new PolicyException("Statement Effect must be Allow or Deny, got: " + effect);
        }
        List<String> actions = list(s.get("Action"));
        List<String> notActions = list(s.get("NotAction"));
        if ((actions == null) == (notActions == null)) {
            throw new PolicyException("A statement needs exactly one of Action or NotAction");
        }
        List<String> resources = list(s.get("Resource"));
        List<String> notResources = list(s.get("NotResource"));
        if (resources != null && notResources != null) {
            throw new PolicyException("A statement may not have both Resource and NotResource");
        }
        return new Statement("Allow".equals(effect), actions, notActions, resources, notResources,
                principals(s.get("Principal")), conditions(s.get("Condition")));
    }

    private static PrincipalPattern principals(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            if (!"*".equals(node.asText())) {
                throw new PolicyException("Principal as a string must be \"*\"");
            }
            return new PrincipalPattern(true, List.of(), List.of());
        }
        List<String> aws = list(node.get("AWS"));
        List<String> federated = list(node.get("Federated"));
        return new PrincipalPattern(false, aws == null ? List.of() : aws, federated == null ? List.of() : federated);
    }

    private static List<Condition> conditions(JsonNode node) {
        List<Condition> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> operators = node.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> op = operators.next();
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                out.add(Condition.parse(op.getKey(), key.getKey(), list(key.getValue())));
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.asText();
    }

    private static List<String> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
