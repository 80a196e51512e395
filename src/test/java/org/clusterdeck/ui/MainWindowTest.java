package org.clusterdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window as the jar opens it, headless through Monocle: FXML and CSS load, empty state shown. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @Start
    void start(Stage stage) throws Exception {
        new ClusterDeckApp().start(stage);
    }

    @Test
    void emptyStateTellsHowToAddACluster(FxRobot robot) {
        Label title = robot.lookup(".empty-title").queryAs(Label.class);
        assertEquals("No cluster yet", title.getText());
        assertTrue(title.isVisible());
        assertTrue(robot.lookup(".empty-hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("SSH address")));
        assertEquals("ClusterDeck", robot.window(0).getScene().getWindow() instanceof Stage s ? s.getTitle() : null);
    }
}
