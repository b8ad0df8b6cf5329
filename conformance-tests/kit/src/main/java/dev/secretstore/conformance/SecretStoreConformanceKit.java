package dev.secretstore.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit every secretstore provider must pass. A provider's conformance test is a short
 * subclass that supplies a {@link ConformanceFixture}:
 *
 * <pre>{@code
 * class AcmeVaultConformanceTest extends SecretStoreConformanceKit {
 *     @Override
 *     protected ConformanceFixture fixture() {
 *         return new AcmeVaultFixture(emulator);
 *     }
 * }
 * }</pre>
 *
 * <p>Each group lives in its own file; this class only lists them. Capabilities the store does not
 * declare are not skipped: the kit asserts the standard "This provider does not support X" error
 * instead. Features the fixture cannot offer are reported as skipped with the fixture's reason.
 */
@ExtendWith(ConformanceRunResolver.class)
public abstract class SecretStoreConformanceKit {

    /** Called once per run of the kit; the kit closes the fixture when the run ends. */
    protected abstract ConformanceFixture fixture();

    @Nested
    @DisplayName("Round-trip: every value comes back exactly as it was stored")
    class RoundTrip extends RoundTripTests {
    }

    @Nested
    @DisplayName("Names: portable names round-trip, never collide, and bad ones fail before any I/O")
    class Names extends NameTests {
    }

    @Nested
    @DisplayName("Tagging and ownership: only secrets carrying the managed tag are ever changed")
    class Ownership extends OwnershipTests {
    }

    @Nested
    @DisplayName("Tags: user tags come back exactly as written, or are refused before any I/O saying what is allowed")
    class Tags extends TagTests {
    }

    @Nested
    @DisplayName("Listing: pages honour the page size and paging neither loses nor repeats a secret")
    class Listing extends ListingTests {
    }

    @Nested
    @DisplayName("Least privilege: a denied write fails once, says why, and writes nothing")
    class LeastPrivilege extends LeastPrivilegeTests {
    }

    @Nested
    @DisplayName("Versions: a put adds a version and older versions stay readable")
    class Versions extends VersionTests {
    }

    @Nested
    @DisplayName("Existence: not found, already exists, and delete then recreate")
    class Existence extends ExistenceTests {
    }

    @Nested
    @DisplayName("Batch reads: readAll answers for every name, present or missing")
    class BatchReads extends BatchReadTests {
    }

    @Nested
    @DisplayName("Verification: verify passes on a healthy store and explains a read-only one")
    class Verification extends VerificationTests {
    }

    @Nested
    @DisplayName("Capabilities: declarations hang together, and RESTORE brings a deleted secret back")
    class Capabilities extends CapabilityTests {
    }

    @Nested
    @DisplayName("Faults: transient faults are retried as configured, persistent ones end typed, none reads as 'absent'")
    class Faults extends FaultTests {
    }

    @Nested
    @DisplayName("Redaction: values and credentials never reach messages, toString or logs")
    class Redaction extends RedactionTests {
    }
}
