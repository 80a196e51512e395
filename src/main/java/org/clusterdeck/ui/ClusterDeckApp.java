package org.clusterdeck.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.main.MainView;
import org.clusterdeck.ui.main.MainViewModel;

public final class ClusterDeckApp extends Application {
    private static final String BASE_CSS = "/css/clusterdeck.css";

    private Background background;

    /** Launched through here so the jar's main class need not extend Application (shaded JavaFX). */
    public static void launchWindow(String[] args) {
        Application.launch(ClusterDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = new Background(Platform::runLater);
        MainViewModel vm = show(stage, background, new FxDialogService(stage), new ClusterProfileStore(),
                new CibFileReader());
        vm.loadProfiles();
    }

    /** Builds the window around a view model; tests pass their own dialogs and store. */
    public static MainViewModel show(Stage stage, Background background, DialogService dialogs,
            ClusterProfileStore store, CibFileReader cibReader) {
        MainViewModel vm = new MainViewModel(background, dialogs, store, cibReader);
        Parent root = ViewLoader.load(MainView.class, type -> new MainView(vm));
        Scene scene = new Scene(root, 1280, 800);
        applyTheme(scene, vm.themeProperty().get());
        vm.themeProperty().addListener((o, was, now) -> applyTheme(scene, now));
        stage.setTitle("ClusterDeck");
        stage.setScene(scene);
        stage.show();
        return vm;
    }

    private static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(css(BASE_CSS), css(theme.stylesheet()));
    }

    private static String css(String name) {
        var url = ClusterDeckApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from the jar");
        }
        return url.toExternalForm();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
    }
}
