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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A payload record has no fields besides its own: every other one it was sent with is an error of its own name.
 * A misspelt optional field would otherwise be dropped without anyone noticing. The record collects them in
 * {@link Open#unknownFields()} (Jackson's {@code @JsonAnySetter}).
 */
@Constraint(validatedBy = KnownFieldsOnly.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KnownFieldsOnly {

    String message() default "unknown field";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A record that collects the fields it does not know. */
    interface Open {
        Map<String, Object> unknownFields();
    }

    /** Reports each unknown field under its own name, with the fields there are. */
    class Validator implements ConstraintValidator<KnownFieldsOnly, Open> {

        @Override
        public boolean isValid(Open payload, ConstraintValidatorContext context) {
            if (payload == null || payload.unknownFields().isEmpty()) {
                return true;
            }
            String known = Arrays.stream(payload.getClass().getRecordComponents())
                    .map(component -> component.getName())
                    .filter(name -> !name.equals("unknownFields"))
                    .collect(Collectors.joining(", "));
            context.disableDefaultConstraintViolation();
            for (String field : payload.unknownFields().keySet()) {
                context.buildConstraintViolationWithTemplate("unknown field; the fields are " + known)
                        .addPropertyNode(field).addConstraintViolation();
            }
            return false;
        }
    }
}
