package dev.secretstore.emulator.gcp.internal;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validates an IAM policy proto and turns it into bindings the authorizer evaluates. */
public final class PolicyCodec {
  private PolicyCodec() {}

  public static List<IamBinding> toBindings(Policy policy) {
    List<IamBinding> out = new ArrayList<>();
    for (Binding b : policy.getBindingsList()) {
      if (!IamRoles.isKnown(b.getRole())) {
        throw ApiError.invalidArgument("Role " + b.getRole() + " is not supported for this resource.");
      }
      for (String m : b.getMembersList()) {
        checkMember(m);
      }
      Optional<IamCondition> condition = Optional.empty();
      if (b.hasCondition()) {
        if (policy.getVersion() < 3) {
          throw ApiError.invalidArgument("Policy version must be 3 when a binding has a condition; got version "
              + policy.getVersion() + ".");
        }
        condition = Optional.of(IamCondition.parse(b.getCondition().getTitle(), b.getCondition().getDescription(),
            b.getCondition().getExpression()));
      }
      out.add(new IamBinding(b.getRole(), b.getMembersList(), condition));
    }
    return List.copyOf(out);
  }

  public static void checkMember(String m) {
    if (!(m.equals("allUsers") || m.equals("allAuthenticatedUsers")
        || m.matches("(user|serviceAccount|group|domain|principal|principalSet):.+"))) {
      throw ApiError.invalidArgument("Invalid member '" + m + "': a member is allUsers, allAuthenticatedUsers or "
          + "type:identifier (user:, serviceAccount:, group:, domain:).");
    }
  }
}
