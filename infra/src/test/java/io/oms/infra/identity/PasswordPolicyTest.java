package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static List<String> problems(String password, String email) {
        return PasswordPolicy.check(password, email).stream().map(PasswordPolicy.Problem::message).toList();
    }

    @Test
    void acceptsALongMixedPasswordUnrelatedToTheEmail() {
        assertThat(PasswordPolicy.check("Correct-Horse-42-Staple", "alice@example.com")).isEmpty();
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThat(problems("Short-pw-1", "alice@example.com")).containsExactly("must be at least 12 characters long");
        assertThat(PasswordPolicy.check("Twelve-chars", "alice@example.com")).isEmpty();
    }

    @Test
    void refusesPasswordsOfOneCharacterClass() {
        assertThat(problems("onlylowercaseletters", "bob@example.com"))
                .containsExactly("must mix at least two kinds of characters (lowercase, uppercase, digits, symbols)");
        assertThat(problems("98765432109876", "bob@example.com")).hasSize(1);
    }

    @Test
    void refusesPasswordsContainingTheEmailLocalPartInAnyCase() {
        assertThat(problems("xx-MargaretH-2024", "margareth@example.com"))
                .containsExactly("must not contain the email address's name part");
    }

    @Test
    void refusesVeryCommonPasswordsWhateverTheirCase() {
        assertThat(problems("Password1234", "carol@example.com")).containsExactly("is one of the most common passwords");
        assertThat(problems("QWERTY123456", "carol@example.com")).contains("is one of the most common passwords");
    }

    @Test
    void reportsEveryProblemAtOnceAndEachNamesThePasswordField() {
        var all = PasswordPolicy.check("dave", "dave@example.com");
        assertThat(all).extracting(PasswordPolicy.Problem::field).containsOnly("password");
        assertThat(all).hasSize(3); // too short, one class, contains the local part
    }

    @Test
    void refusesMissingAndOverlongPasswords() {
        assertThat(problems(null, "erin@example.com")).containsExactly("is required");
        assertThat(problems("Ab1-".repeat(40), "erin@example.com")).containsExactly("must be at most 128 characters long");
    }
}
