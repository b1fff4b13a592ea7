package io.oms.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link KeyManagementService} (local master keys) and the {@link SecretSealer} built on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    KeyManagementService keyManagementService(CryptoProperties properties) {
        if (properties.configured()) {
            Map<String, byte[]> keys = properties.keys();
            return new LocalMasterKeys(keys.keySet().iterator().next(), keys);
        }
        log.warn("No master key configured (OMS_CRYPTO_MASTER_KEYS): using the development key in {}. "
                + "Configure a master key for any real deployment.", properties.devKeyFile());
        return new LocalMasterKeys("dev", Map.of("dev", devKey(properties.devKeyFile())));
    }

    @Bean
    SecretSealer secretSealer(KeyManagementService kms) {
        return new SecretSealer(kms);
    }

    /** Reads the development key, creating it (owner read/write only) on first use. */
    static byte[] devKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "dev-master-key", ".tmp");
                trySetOwnerOnly(tmp);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(AesGcm.newKey()));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp); // another process created it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development master key " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems: the directory's permissions apply
        }
    }
}
