package org.clusterdeck.ui;

import java.io.IOException;
import java.util.Objects;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

public final class ClusterDeckApp extends Application {

    /** Launched through here so the jar's main class need not extend Application (shaded JavaFX). */
    public static void launchWindow(String[] args) {
        Application.launch(ClusterDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Parent root = FXMLLoader.load(Objects.requireNonNull(
                ClusterDeckApp.class.getResource("/fxml/MainView.fxml"), "MainView.fxml missing from the jar"));
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                ClusterDeckApp.class.getResource("/css/clusterdeck.css")).toExternalForm());
        stage.setTitle("ClusterDeck");
        stage.setScene(scene);
        stage.show();
    }
}
