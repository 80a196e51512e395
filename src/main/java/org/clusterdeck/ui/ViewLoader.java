package org.clusterdeck.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a view's FXML, which has the same name as its view (controller) class, from
 * {@code /fxml/}. The factory builds controllers, including those of included views, with their
 * view models.
 */
public final class ViewLoader {
    private ViewLoader() {
    }

    public static Parent load(Class<?> view, Callback<Class<?>, Object> controllers) {
        String name = "/fxml/" + view.getSimpleName() + ".fxml";
        URL url = view.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from the jar");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
