package dev.secretstore.emulator.azure.internal;

/** The identity and authorization side of the loaded state, swapped atomically by a state load. */
public record LoadedState(EmulatorState source, Directory directory, Authorizer authorizer) {

    public static LoadedState of(EmulatorState state) {
        return new LoadedState(state, new Directory(state.tenants(), state.apps(), state.federatedIssuers()),
                new Authorizer(state.roleAssignments()));
    }
}
