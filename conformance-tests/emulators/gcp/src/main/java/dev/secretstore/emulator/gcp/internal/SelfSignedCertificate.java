package dev.secretstore.emulator.gcp.internal;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A fresh self-signed TLS certificate for 127.0.0.1 and localhost, made at every start. */
public record SelfSignedCertificate(X509Certificate certificate, String certificatePem, String privateKeyPem) {

  public static SelfSignedCertificate generate() {
    try {
      // EC P-256: generated in milliseconds, where RSA takes seconds on a busy machine.
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = g.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=secretstore Secret Manager emulator");
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(365))), subject, pair.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new SelfSignedCertificate(cert, pem(cert), pem(new org.bouncycastle.openssl.jcajce
          .JcaPKCS8Generator(pair.getPrivate(), null).generate()));
    } catch (Exception e) {
      throw new IllegalStateException("could not create the emulator's TLS certificate", e);
    }
  }

  private static String pem(Object o) throws java.io.IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    return w.toString();
  }

  @Override
  public String toString() {
    return "SelfSignedCertificate[" + certificate.getSubjectX500Principal() + "]";
  }
}
