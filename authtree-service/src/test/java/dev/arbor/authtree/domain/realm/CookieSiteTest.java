package dev.arbor.authtree.domain.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CookieSiteTest {

    @Test
    void sameSiteIsLaxAndSecureOnlyOnHttps() {
        assertEquals("SameSite=Lax", CookieSite.SAME_SITE.attributes(false));
        assertEquals("SameSite=Lax; Secure", CookieSite.SAME_SITE.attributes(true));
    }

    @Test
    void crossSiteIsNoneAndAlwaysSecureBecauseBrowsersRefuseNoneWithoutIt() {
        assertEquals("SameSite=None; Secure", CookieSite.CROSS_SITE.attributes(false));
        assertEquals("SameSite=None; Secure", CookieSite.CROSS_SITE.attributes(true));
    }

    @Test
    void yamlValuesAreReadAndAnUnknownOneIsRefusedNamingTheChoices() {
        assertEquals(CookieSite.CROSS_SITE, CookieSite.of("cross-site"));
        assertEquals(CookieSite.SAME_SITE, CookieSite.of("same-site"));
        var e = assertThrows(IllegalArgumentException.class, () -> CookieSite.of("none"));
        assertTrue(e.getMessage().contains("same-site, cross-site"), e.getMessage());
    }
}
