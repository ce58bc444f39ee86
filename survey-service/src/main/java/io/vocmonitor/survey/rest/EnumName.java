package io.vocmonitor.survey.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The string is the name of one of the enum's constants (null passes: pair with {@code @NotNull} where required).
 * Payloads take such fields as strings, so that a wrong value is reported beside every other invalid field.
 */
@Constraint(validatedBy = EnumName.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name and says which ones there are. */
    class Validator implements ConstraintValidator<EnumName, String> {

        private String[] names;

        @Override
        public void initialize(EnumName annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.asList(names).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("one of " + Arrays.stream(names).collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}
