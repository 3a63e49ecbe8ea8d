package io.beseda.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a component of a messenger's settings record is called on Настройки → Мессенджеры, which draws its
 * form from the record: a label in Russian and English, and a hint (where to find the value). Components
 * marked {@link Secret} become password fields, left empty to keep the stored value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface SettingLabel {

    String ru();

    String en();

    /** Where the admin finds the value, in Russian. */
    String hint() default "";
}
