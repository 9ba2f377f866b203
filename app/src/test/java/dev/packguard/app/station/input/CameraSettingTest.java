package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraSettingTest {
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            off                      | off
            auto                     | auto
            /dev/video0              | device
            Integrated Camera        | device
            0                        | device
            """)
    void parse_offAutoOrADevice_keepsTheText(String text, String kind) {
        CameraSetting.Parsed parsed = CameraSetting.parse(text);
        assertThat(parsed).isInstanceOf(CameraSetting.Parsed.Valid.class);
        CameraSetting setting = ((CameraSetting.Parsed.Valid) parsed).setting();
        assertThat(setting.text()).isEqualTo(text);
        assertThat(setting).isInstanceOf(switch (kind) {
            case "off" -> CameraSetting.Off.class;
            case "auto" -> CameraSetting.Auto.class;
            default -> CameraSetting.Device.class;
        });
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            Off                | "off" in lower case
            AUTO               | "auto" in lower case
            ' /dev/video0'     | without spaces around it
            ''                 | without spaces around it
            """)
    void parse_notASetting_saysWhy(String text, String problem) {
        assertThat(CameraSetting.parse(text)).isInstanceOf(CameraSetting.Parsed.Invalid.class)
                .extracting(p -> ((CameraSetting.Parsed.Invalid) p).problem()).asString().contains(problem);
    }

    @Test
    void parse_controlCharactersAndOverlongNames_areRefused() {
        assertThat(CameraSetting.parse("cam\u0007")).isInstanceOf(CameraSetting.Parsed.Invalid.class);
        assertThat(CameraSetting.parse("v".repeat(201))).isInstanceOf(CameraSetting.Parsed.Invalid.class);
        assertThat(CameraSetting.parse("v".repeat(200))).isInstanceOf(CameraSetting.Parsed.Valid.class);
    }

    @Test
    void device_isNeverOffOrAuto() {
        assertThatThrownBy(() -> new CameraSetting.Device("off")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CameraSetting.Device("Auto")).isInstanceOf(IllegalArgumentException.class);
    }
}
