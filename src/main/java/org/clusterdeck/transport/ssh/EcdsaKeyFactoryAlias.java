package org.clusterdeck.transport.ssh;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.List;
import java.util.Map;

/**
 * sshj reads ECDSA host and user keys through a KeyFactory named "ECDSA", which is BouncyCastle's name;
 * the JDK's provider calls it "EC". SshRunner does not register BouncyCastle as a provider (it costs a
 * quarter of a second at every start), so this provider gives the name "ECDSA" to the JDK's EC key
 * factory. It adds no cryptography of its own.
 */
final class EcdsaKeyFactoryAlias extends Provider {
    private static final String NAME = "ClusterDeckEcdsaAlias";

    private EcdsaKeyFactoryAlias() {
        super(NAME, "1", "KeyFactory.ECDSA: the JDK's EC key factory");
        putService(new Service(this, "KeyFactory", "ECDSA", Spi.class.getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                return new Spi(KeyFactory.getInstance("EC"));
            }
        });
    }

    /** Adds the provider after the JDK's, once per JVM. */
    static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new EcdsaKeyFactoryAlias());
        }
    }

    private static final class Spi extends KeyFactorySpi {
        private final KeyFactory ec;

        Spi(KeyFactory ec) {
            this.ec = ec;
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
            return ec.generatePublic(keySpec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
            return ec.generatePrivate(keySpec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
            return ec.getKeySpec(key, keySpec);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            return ec.translateKey(key);
        }
    }
}
