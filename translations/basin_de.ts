<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="24"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="25"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="26"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="22"/>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../app/gui/render_settings.cpp" line="67"/>
        <source>&apos;%1&apos; is not a number; give loss levels separated by commas</source>
        <translation>&apos;%1&apos; ist keine Zahl; geben Sie Verlust-Stufen durch Kommas getrennt an</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="52"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="61"/>
        <source>&lt;h2&gt;Basin in five minutes&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;loss surface&lt;/b&gt; is the loss of a trained network at the points &amp;theta;* + x&amp;middot;d&lt;sub&gt;1&lt;/sub&gt; + y&amp;middot;d&lt;sub&gt;2&lt;/sub&gt; of a plane through its weights &amp;theta;*. The directions d&lt;sub&gt;1&lt;/sub&gt;, d&lt;sub&gt;2&lt;/sub&gt; are random and &lt;b&gt;filter-normalized&lt;/b&gt; (each filter scaled to the norm of the network&apos;s own), so surfaces of different networks can be compared (Li et al., 2018).&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a trained model and a data set (File &amp;gt; Open, File &amp;gt; Open data folder, or drop them on the window): Basin&apos;s HDF5 checkpoints, ONNX exports, PyTorch files (torch.save), safetensors; MNIST, Fashion-MNIST, CIFAR-10/100 folders.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compute&lt;/b&gt; (Compute &amp;gt; Surface, Ctrl+R): pick the architecture if the file holds only weights, the normalization of the training script, 51 x 51 points over [-1, 1]&amp;sup2; and, to start, 1,000 images. The surface fills in from coarse to fine; Cancel whenever you like, computing again resumes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Look&lt;/b&gt;: the 3-D view turns with the left mouse button and zooms with the wheel; the contour view shows the levels and, for a PCA plane, the training path. Render settings (right) switch to the log scale, clip, change colors. The status bar reads the loss under the cursor.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compare&lt;/b&gt;: compute the same for the network without skip connections, select both surfaces in the Session panel (Ctrl+click) and press Ctrl+M. One color scale, cameras that turn together, and numbers: the &lt;b&gt;non-convex share&lt;/b&gt; is the share of grid points where the surface curves down along some direction; low for a smooth basin, high for a chaotic one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trajectory&lt;/b&gt; (Compute &amp;gt; Trajectory, Ctrl+T): the PCA of a folder of checkpoints; Basin then offers the surface on that plane, with the path drawn on it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt; (File &amp;gt; Export figure, Ctrl+E): contour, heat and 1-D figures as PDF or SVG, any view as PNG, in pixels, inches, cm or a journal column.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The same computations run headless on a cluster with &lt;tt&gt;basin-cli&lt;/tt&gt; (&lt;tt&gt;basin-cli --help&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Basin in fünf Minuten&lt;/h2&gt;&lt;p&gt;Eine &lt;b&gt;Verlustfläche&lt;/b&gt; ist der Verlust eines trainierten Netzes an den Punkten &amp;theta;* + x&amp;middot;d&lt;sub&gt;1&lt;/sub&gt; + y&amp;middot;d&lt;sub&gt;2&lt;/sub&gt; einer Ebene durch seine Gewichte &amp;theta;*. Die Richtungen d&lt;sub&gt;1&lt;/sub&gt;, d&lt;sub&gt;2&lt;/sub&gt; sind zufällig und &lt;b&gt;filternormiert&lt;/b&gt; (jeder Filter auf die Norm des Netzes selbst skaliert), sodass sich Flächen verschiedener Netze vergleichen lassen (Li et al., 2018).&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Öffnen&lt;/b&gt; Sie ein trainiertes Modell und einen Datensatz (Datei &amp;gt; Öffnen, Datei &amp;gt; Datenordner öffnen, oder ziehen Sie sie auf das Fenster): Basins HDF5-Checkpoints, ONNX-Exporte, PyTorch-Dateien (torch.save), safetensors; MNIST-, Fashion-MNIST-, CIFAR-10/100-Ordner.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Berechnen&lt;/b&gt; (Berechnen &amp;gt; Fläche, Strg+R): Wählen Sie die Architektur, falls die Datei nur Gewichte enthält, die Normalisierung des Trainingsskripts, 51 x 51 Punkte über [-1, 1]&amp;sup2; und zu Beginn 1.000 Bilder. Die Fläche füllt sich von grob nach fein; Abbrechen ist jederzeit möglich, erneutes Berechnen setzt fort.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ansehen&lt;/b&gt;: Die 3-D-Ansicht dreht sich mit der linken Maustaste und zoomt mit dem Mausrad; die Konturansicht zeigt die Stufen und, auf einer PCA-Ebene, den Trainingspfad. Die Darstellung (rechts) schalten auf logarithmische Skala, kappen, ändern Farben. Die Statusleiste zeigt den Verlust unter dem Mauszeiger.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Vergleichen&lt;/b&gt;: Berechnen Sie dasselbe für das Netz ohne Skip-Verbindungen, wählen Sie beide Flächen im Sitzungsbereich (Strg+Klick) und drücken Sie Strg+M. Eine Farbskala, gemeinsam drehende Kameras und Zahlen: Der &lt;b&gt;nicht-konvexe Anteil&lt;/b&gt; ist der Anteil der Gitterpunkte, an denen sich die Fläche in irgendeiner Richtung nach unten krümmt; niedrig für ein glattes Becken, hoch für ein chaotisches.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trainingspfad&lt;/b&gt; (Berechnen &amp;gt; Trainingspfad, Strg+T): die PCA eines Ordners von Checkpoints; Basin bietet danach die Fläche auf dieser Ebene an, mit dem Pfad darauf.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportieren&lt;/b&gt; (Datei &amp;gt; Abbildung exportieren, Strg+E): Kontur-, Wärme- und 1-D-Abbildungen als PDF oder SVG, jede Ansicht als PNG, in Pixeln, Zoll, cm oder einer Zeitschriftenspalte.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Dieselben Berechnungen laufen ohne Oberfläche auf einem Cluster mit &lt;tt&gt;basin-cli&lt;/tt&gt; (&lt;tt&gt;basin-cli --help&lt;/tt&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="93"/>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="103"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="103"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="112"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="122"/>
        <source>About Basin</source>
        <translation>Über Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="123"/>
        <source>&lt;h3&gt;Basin %1&lt;/h3&gt;&lt;p&gt;Loss landscapes of neural networks: filter-normalized surfaces, PCA training trajectories, plain vs skip-connection comparisons.&lt;/p&gt;&lt;p&gt;If Basin helps your research, please cite the method:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Licence: proprietary, © the Basin authors. Built on Qt %3 (LGPL 3), VTK %4 (BSD), HDF5 %5.%6.%7 (BSD-style), Eigen %8.%9.%10 (MPL 2), ONNX (Apache 2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Basin %1&lt;/h3&gt;&lt;p&gt;Verlustlandschaften neuronaler Netze: filternormierte Flächen, PCA-Trainingstrajektorien, Vergleiche mit und ohne Skip-Verbindungen.&lt;/p&gt;&lt;p&gt;Wenn Basin Ihrer Forschung hilft, zitieren Sie bitte die Methode:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Lizenz: proprietär, © die Basin-Autoren. Gebaut mit Qt %3 (LGPL 3), VTK %4 (BSD), HDF5 %5.%6.%7 (BSD-artig), Eigen %8.%9.%10 (MPL 2), ONNX (Apache 2).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>basin::gui::ArchChoice</name>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="15"/>
        <source>From the file (checkpoint, ONNX)</source>
        <translation>Aus der Datei (Checkpoint, ONNX)</translation>
    </message>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="19"/>
        <source>PyTorch and safetensors weights need the zoo architecture they belong to, or the path of an ONNX export of the same model</source>
        <translation>PyTorch- und safetensors-Gewichte brauchen die Zoo-Architektur, zu der sie gehören, oder den Pfad eines ONNX-Exports desselben Modells</translation>
    </message>
    <message>
        <location filename="../app/gui/arch_choice.cpp" line="23"/>
        <source>input channels: </source>
        <translation>Eingabekanäle: </translation>
    </message>
</context>
<context>
    <name>basin::gui::CompareView</name>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="44"/>
        <source>Non-convex share: the share of grid points where the surface curves down along some direction (the discrete Hessian&apos;s smallest eigenvalue is below -1 % of its largest in magnitude). Low for smooth, convex-looking basins; high for chaotic ones.</source>
        <translation>Nichtkonvexer Anteil: der Anteil der Gitterpunkte, an denen sich die Fläche in irgendeiner Richtung nach unten krümmt (der kleinste Eigenwert der diskreten Hesse-Matrix liegt unter -1 % ihres betragsgrößten). Niedrig für glatte, konvex wirkende Becken; hoch für chaotische.</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="50"/>
        <source>3-D surfaces</source>
        <translation>3-D-Flächen</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="51"/>
        <source>Contour lines</source>
        <translation>Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="52"/>
        <source>Filled contours</source>
        <translation>Gefüllte Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="53"/>
        <source>Heat maps</source>
        <translation>Heatmaps</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="63"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="100"/>
        <source>Select two or more surfaces in the Session panel (Ctrl+click), then View &gt; Compare selected surfaces (Ctrl+M).</source>
        <translation>Wählen Sie zwei oder mehr Flächen im Sitzungsbereich (Strg+Klick), dann Ansicht &gt; Ausgewählte Flächen vergleichen (Strg+M).</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="178"/>
        <source>A 1-D surface: compare 1-D surfaces in the 1-D tab.</source>
        <translation>Eine 1-D-Fläche: 1-D-Flächen im Reiter 1-D vergleichen.</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Curvature along x</source>
        <translation>Krümmung entlang x</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Curvature along y</source>
        <translation>Krümmung entlang y</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Surface</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Loss at centre</source>
        <translation>Verlust im Zentrum</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="261"/>
        <source>Accuracy at centre</source>
        <translation>Genauigkeit im Zentrum</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="262"/>
        <source>Minimum loss</source>
        <translation>Minimaler Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="327"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="333"/>
        <source>Over %1 seeds: mean %2, standard deviation %3, from %4 to %5</source>
        <translation>Über %1 Seeds: Mittelwert %2, Standardabweichung %3, von %4 bis %5</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="359"/>
        <source>Smoothest: &lt;b&gt;%1&lt;/b&gt; (%2 of its points curve down). Roughest: &lt;b&gt;%3&lt;/b&gt; (%4).</source>
        <translation>Am glattesten: &lt;b&gt;%1&lt;/b&gt; (%2 seiner Punkte krümmen sich nach unten). Am rauesten: &lt;b&gt;%3&lt;/b&gt; (%4).</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="380"/>
        <source>%1 (the seeds agree exactly)</source>
        <translation>%1 (die Seeds stimmen genau überein)</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="382"/>
        <source>%1 (%2 sd)</source>
        <translation>%1 (%2 SD)</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="386"/>
        <source>Compute both with several seeds to tell their difference from the choice of random directions.</source>
        <translation>Berechnen Sie beide mit mehreren Seeds, um ihren Unterschied von der Wahl der Zufallsrichtungen zu unterscheiden.</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="390"/>
        <source>No measure of &lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt; differs by %3 pooled standard deviations of the seeds: the random directions may explain the difference.</source>
        <translation>Kein Maß von &lt;b&gt;%1&lt;/b&gt; und &lt;b&gt;%2&lt;/b&gt; unterscheidet sich um %3 gepoolte Standardabweichungen der Seeds: Die Zufallsrichtungen können den Unterschied erklären.</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="394"/>
        <source>&lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt; differ by more than the spread between seeds in %3 (sd: pooled standard deviations of the seeds).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; und &lt;b&gt;%2&lt;/b&gt; unterscheiden sich um mehr als die Streuung zwischen Seeds in %3 (SD: gepoolte Standardabweichungen der Seeds).</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="396"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="259"/>
        <source>Area below %1</source>
        <translation>Fläche unter %1</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="260"/>
        <source>Non-convex share</source>
        <translation>Nichtkonvexer Anteil</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="285"/>
        <source>%1 (%2 seeds)</source>
        <translation>%1 (%2 Seeds)</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="286"/>
        <source>The first seed&apos;s</source>
        <translation>Die des ersten Seeds</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="302"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../app/gui/compare_view.cpp" line="357"/>
        <source>The surfaces are equally smooth by the non-convex share.</source>
        <translation>Nach dem nichtkonvexen Anteil sind die Flächen gleich glatt.</translation>
    </message>
</context>
<context>
    <name>basin::gui::ComputeDialog</name>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="47"/>
        <source>Compute a loss surface</source>
        <translation>Verlustfläche berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="50"/>
        <source>Model and data</source>
        <translation>Modell und Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="53"/>
        <location filename="../app/gui/compute_dialog.cpp" line="211"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="53"/>
        <location filename="../app/gui/compute_dialog.cpp" line="59"/>
        <location filename="../app/gui/compute_dialog.cpp" line="136"/>
        <location filename="../app/gui/compute_dialog.cpp" line="157"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="55"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="58"/>
        <source>mnist:FOLDER, fashion:FOLDER, cifar10:FOLDER, cifar100:FOLDER or h5:FILE</source>
        <translation>mnist:ORDNER, fashion:ORDNER, cifar10:ORDNER, cifar100:ORDNER oder h5:DATEI</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="59"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="61"/>
        <source>Training split</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="62"/>
        <source>Test split</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="64"/>
        <source>Split</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="66"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="67"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="69"/>
        <source>the first samples</source>
        <translation>die ersten Beispiele</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="70"/>
        <source>With a seed, the samples are drawn at random</source>
        <translation>Mit Startwert werden die Beispiele zufällig gezogen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="71"/>
        <source>Subset seed</source>
        <translation>Startwert der Auswahl</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="76"/>
        <location filename="../app/gui/compute_dialog.cpp" line="113"/>
        <source>Normalization</source>
        <translation>Normierung</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="78"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="79"/>
        <source>Zero padding</source>
        <translation>Nullrand</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="80"/>
        <source>Repeat a grey channel as RGB</source>
        <translation>Grauen Kanal als RGB wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="85"/>
        <source>Grid and directions</source>
        <translation>Gitter und Richtungen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="94"/>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="96"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="101"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="102"/>
        <source>2-D surface</source>
        <translation>2-D-Fläche</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="106"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="114"/>
        <source>Leave biases and BatchNorm unchanged (biasbn)</source>
        <translation>Biases und BatchNorm unverändert lassen (biasbn)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="118"/>
        <source>weights</source>
        <translation>weights (Gewichte)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="119"/>
        <source>states (with BatchNorm statistics)</source>
        <translation>states (mit BatchNorm-Statistiken)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="121"/>
        <source>Direction type</source>
        <translation>Richtungstyp</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="123"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="125"/>
        <source> seeds</source>
        <translation> Seeds</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="127"/>
        <source>Compute the surface along the random directions of this many seeds (the seed, the seed + 1, ...) to see how much its measures depend on the directions: the Compare tab then shows each measure&apos;s mean and spread. Costs one surface per seed.</source>
        <translation>Berechnet die Fläche entlang der Zufallsrichtungen so vieler Seeds (der Seed, Seed + 1, ...), um zu sehen, wie sehr ihre Maße von den Richtungen abhängen: Der Reiter Vergleich zeigt dann Mittelwert und Streuung jedes Maßes. Kostet eine Fläche pro Seed.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="130"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="132"/>
        <source>new random directions, saved beside the surface</source>
        <translation>neue Zufallsrichtungen, neben der Fläche gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="134"/>
        <source>A direction file (e.g. a trajectory&apos;s PCA directions) to use instead of random directions</source>
        <translation>Eine Richtungsdatei (z. B. die PCA-Richtungen eines Trainingspfads) statt Zufallsrichtungen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="136"/>
        <location filename="../app/gui/compute_dialog.cpp" line="138"/>
        <source>Direction file</source>
        <translation>Richtungsdatei</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="138"/>
        <source>HDF5 (*.h5)</source>
        <translation>HDF5 (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="143"/>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="146"/>
        <source>Cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="147"/>
        <source>MSE on softmax</source>
        <translation>MSE auf Softmax</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="149"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="151"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="154"/>
        <source>This machine has %1 hardware threads</source>
        <translation>Dieser Rechner hat %1 Hardware-Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="155"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="157"/>
        <location filename="../app/gui/compute_dialog.cpp" line="227"/>
        <source>Surface file</source>
        <translation>Flächendatei</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="164"/>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="212"/>
        <source>Models (*.h5 *.onnx *.pt *.pth *.t7 *.safetensors);;All files (*)</source>
        <translation>Modelle (*.h5 *.onnx *.pt *.pth *.t7 *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="218"/>
        <source>Folder with MNIST (IDX) or CIFAR (.bin) files</source>
        <translation>Ordner mit MNIST- (IDX) oder CIFAR-Dateien (.bin)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="228"/>
        <source>HDF5 surface (*.h5)</source>
        <translation>HDF5-Fläche (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="237"/>
        <source>Choose a model.</source>
        <translation>Bitte ein Modell wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="239"/>
        <source>Choose a data set.</source>
        <translation>Bitte einen Datensatz wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="241"/>
        <source>Choose where the surface file goes.</source>
        <translation>Bitte wählen, wohin die Flächendatei geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="243"/>
        <source>Each axis must run from a smaller to a larger value.</source>
        <translation>Jede Achse muss von einem kleineren zu einem größeren Wert laufen.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="253"/>
        <source>%1 exists. Resume it (compute only its missing points) or replace it?</source>
        <translation>%1 existiert bereits. Fortsetzen (nur die fehlenden Punkte berechnen) oder ersetzen?</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="255"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="256"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="309"/>
        <source>Loading the model and the data…</source>
        <translation>Modell und Daten werden geladen…</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="318"/>
        <source>set “Zero padding” to %1 px</source>
        <translation>setzen Sie „Nullrand“ auf %1 px</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="319"/>
        <source>tick “Repeat a grey channel as RGB”</source>
        <translation>kreuzen Sie „Grauen Kanal als RGB wiederholen“ an</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="320"/>
        <source>In the compute dialog, %1 and %2.</source>
        <translation>Im Berechnungsdialog: %1 und %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="321"/>
        <location filename="../app/gui/compute_dialog.cpp" line="322"/>
        <source>In the compute dialog, %1.</source>
        <translation>Im Berechnungsdialog: %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/compute_dialog.cpp" line="323"/>
        <source>Choose a data set whose images fit this model.</source>
        <translation>Wählen Sie einen Datensatz, dessen Bilder zu diesem Modell passen.</translation>
    </message>
</context>
<context>
    <name>basin::gui::DemoBanner</name>
    <message>
        <location filename="../app/gui/help.cpp" line="144"/>
        <source>&lt;b&gt;The demo:&lt;/b&gt; ResNet-20 with skip connections (left) and the same network without them (right), trained on MNIST. Each surface is the test loss on a plane through the trained weights along two random, filter-normalized directions, on a log scale. The plain network&apos;s surface is rougher: its &lt;b&gt;non-convex share&lt;/b&gt; (the share of points where the surface curves down) is higher. Next: turn a view with the mouse, click a &lt;i&gt;_pca&lt;/i&gt; surface in the Session panel and open the Contour tab to see its training path, or compute your own (Compute &amp;gt; Surface) — Help &amp;gt; Guide walks through it.</source>
        <translation>&lt;b&gt;Die Demo:&lt;/b&gt; ResNet-20 mit Skip-Verbindungen (links) und dasselbe Netz ohne sie (rechts), trainiert auf MNIST. Jede Fläche ist der Testverlust auf einer Ebene durch die trainierten Gewichte entlang zweier zufälliger, filternormierter Richtungen, auf logarithmischer Skala. Die Fläche des Netzes ohne Skip-Verbindungen ist rauer: Sein &lt;b&gt;nicht-konvexer Anteil&lt;/b&gt; (der Anteil der Punkte, an denen sich die Fläche nach unten krümmt) ist höher. Als Nächstes: Drehen Sie eine Ansicht mit der Maus, klicken Sie eine &lt;i&gt;_pca&lt;/i&gt;-Fläche im Sitzungsbereich an und öffnen Sie den Reiter Höhenlinien, um ihren Trainingspfad zu sehen, oder berechnen Sie Ihre eigene (Berechnen &amp;gt; Fläche) — Hilfe &amp;gt; Anleitung führt Sie hindurch.</translation>
    </message>
    <message>
        <location filename="../app/gui/help.cpp" line="152"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>basin::gui::ExportDialog</name>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="27"/>
        <location filename="../app/gui/export_dialog.cpp" line="103"/>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="32"/>
        <source>3-D surface</source>
        <translation>3-D-Fläche</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="33"/>
        <source>Contour lines</source>
        <translation>Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="34"/>
        <source>Filled contours</source>
        <translation>Gefüllte Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="35"/>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="37"/>
        <source>1-D loss and accuracy</source>
        <translation>1-D-Verlust und Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="40"/>
        <source>Figure</source>
        <translation>Abbildung</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="43"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="47"/>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="50"/>
        <source>Single column (%1 × %2 in)</source>
        <translation>Einspaltig (%1 × %2 in)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="51"/>
        <source>Double column (%1 × %2 in)</source>
        <translation>Zweispaltig (%1 × %2 in)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="55"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="65"/>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="66"/>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="67"/>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="82"/>
        <source>Text is sized in points: twice the pixels at twice the DPI look the same, only sharper</source>
        <translation>Text wird in Punkt gemessen: doppelte Pixelzahl bei doppelter DPI sieht gleich aus, nur schärfer</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="84"/>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="87"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="88"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="89"/>
        <source>Draw the training trajectory (contour and heat maps)</source>
        <translation>Trainingspfad einzeichnen (Höhenlinien und Heatmaps)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="98"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="101"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="196"/>
        <source>%1 × %2 px, %3 × %4 in</source>
        <translation>%1 × %2 px, %3 × %4 in</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="212"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="214"/>
        <source>PDF, vector (*.pdf)</source>
        <translation>PDF, Vektorgrafik (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="214"/>
        <source>PDF holding the image (*.pdf)</source>
        <translation>PDF mit dem Bild (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="216"/>
        <source>SVG, vector (*.svg)</source>
        <translation>SVG, Vektorgrafik (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="255"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>basin::gui::GuardedApplication</name>
    <message>
        <location filename="../app/gui/guarded_application.cpp" line="16"/>
        <source>an unknown error</source>
        <translation>ein unbekannter Fehler</translation>
    </message>
    <message>
        <location filename="../app/gui/guarded_application.cpp" line="22"/>
        <source>Basin could not finish this action:

%1</source>
        <translation>Basin konnte diese Aktion nicht abschließen:

%1</translation>
    </message>
</context>
<context>
    <name>basin::gui::Inspector</name>
    <message>
        <location filename="../app/gui/inspector.cpp" line="38"/>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="40"/>
        <source>Show accuracy instead of loss</source>
        <translation>Genauigkeit statt Verlust zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="43"/>
        <source>Log scale: log(loss + 0.1)</source>
        <translation>Logarithmisch: log(Verlust + 0,1)</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="46"/>
        <source>Clip losses above</source>
        <translation>Verluste kappen über</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Cool-warm</source>
        <translation>Kalt-warm</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Summer</source>
        <translation>Summer</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="55"/>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="57"/>
        <source>Colormap</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="60"/>
        <source>3-D surface</source>
        <translation>3-D-Fläche</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="67"/>
        <source>Vertical exaggeration</source>
        <translation>Vertikale Überhöhung</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="68"/>
        <source>Lighting</source>
        <translation>Beleuchtung</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="73"/>
        <source>Contour and heat map</source>
        <translation>Höhenlinien und Heatmap</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Contour lines</source>
        <translation>Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Filled contours</source>
        <translation>Gefüllte Höhenlinien</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="76"/>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="78"/>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="81"/>
        <source>first:last:step in loss units, as the reference&apos;s vmin:vmax:vlevel</source>
        <translation>erste:letzte:Schritt in Verlusteinheiten, wie vmin:vmax:vlevel der Referenz</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="83"/>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="84"/>
        <source>Label the contour lines</source>
        <translation>Höhenlinien beschriften</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="87"/>
        <source>Show the training trajectory</source>
        <translation>Trainingspfad zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="92"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="94"/>
        <source>One color scale and height range</source>
        <translation>Eine Farbskala und ein Höhenbereich</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="100"/>
        <source>Loss levels for the area measure, separated by commas</source>
        <translation>Verluststufen für das Flächenmaß, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="102"/>
        <source>Area below</source>
        <translation>Fläche unter</translation>
    </message>
    <message>
        <location filename="../app/gui/inspector.cpp" line="133"/>
        <source>Still drawn with: %1</source>
        <translation>Weiterhin gezeichnet mit: %1</translation>
    </message>
</context>
<context>
    <name>basin::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="70"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="71"/>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Basin — loss landscapes</source>
        <translation>Basin — Verlustlandschaften</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>3-D surface</source>
        <translation>3-D-Fläche</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="78"/>
        <source>Contour / heat map</source>
        <translation>Höhenlinien / Heatmap</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>1-D</source>
        <translation>1-D</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="80"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="89"/>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>Open a surface file (File &gt; Open, or drop it here), or compute one (Compute &gt; Surface).</source>
        <translation>Eine Flächendatei öffnen (Datei &gt; Öffnen, oder hierher ziehen) oder eine berechnen (Berechnen &gt; Fläche).</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="99"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="104"/>
        <source>Render settings</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="117"/>
        <source>%1 lies on the plane of %2; it is drawn on surfaces computed on that plane only.</source>
        <translation>%1 liegt in der Ebene von %2; der Pfad wird nur auf Flächen gezeichnet, die in dieser Ebene berechnet wurden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="120"/>
        <source>an unknown direction file</source>
        <translation>einer unbekannten Richtungsdatei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="142"/>
        <source>%v / %m points</source>
        <translation>%v / %m Punkte</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="170"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="171"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>Open data &amp;folder…</source>
        <translation>Daten&amp;ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="174"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>&amp;Export figure…</source>
        <translation>Abbildung &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="177"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>Export co&amp;mpare figure…</source>
        <translation>&amp;Vergleichsabbildung exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Export &amp;data (VTS, VTP, CSV)…</source>
        <translation>&amp;Daten exportieren (VTS, VTP, CSV)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>&amp;Copy image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="187"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="188"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="190"/>
        <source>&amp;Compute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>&amp;Surface…</source>
        <translation>&amp;Fläche…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>&amp;Trajectory…</source>
        <translation>&amp;Trainingspfad…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="194"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="194"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="196"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>&amp;Reset camera</source>
        <translation>Kamera &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>Compare selected &amp;surfaces</source>
        <translation>Ausgewählte &amp;Flächen vergleichen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="213"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="214"/>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="215"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="221"/>
        <source>&amp;Demo: plain vs skip connections</source>
        <translation>&amp;Demo: ohne und mit Skip-Verbindungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="223"/>
        <source>&amp;About Basin</source>
        <translation>&amp;Über Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="227"/>
        <location filename="../app/gui/main_window.cpp" line="377"/>
        <source>Basin</source>
        <translation>Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source>Compare %1 — Basin</source>
        <translation>Vergleich %1 — Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source> vs </source>
        <translation> gegen </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="334"/>
        <source>%1 — Basin</source>
        <translation>%1 — Basin</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>A 1-D surface: see the 1-D tab.</source>
        <translation>Eine 1-D-Fläche: siehe Reiter 1-D.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="293"/>
        <source>Slice at y = 0</source>
        <translation>Schnitt bei y = 0</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="321"/>
        <source>Select two or more surfaces in the Session panel to compare them.</source>
        <translation>Zum Vergleichen zwei oder mehr Flächen in der Sitzungsleiste auswählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="352"/>
        <source>Image copied (%1 × %2 pixels)</source>
        <translation>Bild kopiert (%1 × %2 Pixel)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="360"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="366"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="367"/>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="378"/>
        <source>A surface is being computed. Stop it and quit? The points computed so far are saved; computing again resumes.</source>
        <translation>Eine Fläche wird gerade berechnet. Anhalten und beenden? Die bisher berechneten Punkte sind gespeichert; erneutes Berechnen setzt fort.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="46"/>
        <source>Basin: explore the loss landscapes of neural networks.</source>
        <translation>Basin: Verlustlandschaften neuronaler Netze erkunden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="49"/>
        <source>Open the bundled demo: a residual network and its plain twin side by side.</source>
        <translation>Die mitgelieferte Demo öffnen: ein residuales Netz und sein Zwilling ohne Abkürzungen nebeneinander.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="52"/>
        <source>Models, data sets, surface, direction or projection files to open.</source>
        <translation>Zu öffnende Modelle, Datensätze, Flächen-, Richtungs- oder Projektionsdateien.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="58"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="59"/>
        <source>Basin files (*.h5 *.hdf5 *.onnx *.pt *.pth *.t7 *.safetensors *-ubyte *-ubyte.gz *.bin);;All files (*)</source>
        <translation>Basin-Dateien (*.h5 *.hdf5 *.onnx *.pt *.pth *.t7 *.safetensors *-ubyte *-ubyte.gz *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="67"/>
        <source>Folder with MNIST / Fashion-MNIST (IDX) or CIFAR (.bin) files</source>
        <translation>Ordner mit MNIST-/Fashion-MNIST- (IDX) oder CIFAR-Dateien (.bin)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="86"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="96"/>
        <source>Could not open %1:

%2</source>
        <translation>%1 konnte nicht geöffnet werden:

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="115"/>
        <source>%1 points not computed yet</source>
        <translation>%1 Punkte noch nicht berechnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="121"/>
        <source>%1 checkpoints</source>
        <translation>%1 Checkpoints</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="128"/>
        <source>PCA directions: %1 % and %2 % of the variance</source>
        <translation>PCA-Richtungen: %1 % und %2 % der Varianz</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="138"/>
        <source>, %1, %2 parameters</source>
        <translation>, %1, %2 Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="142"/>
        <source> (weights only: choose its architecture when computing)</source>
        <translation> (nur Gewichte: Architektur beim Berechnen wählen)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="156"/>
        <source>an error of unknown kind while reading it</source>
        <translation>ein Fehler unbekannter Art beim Lesen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="182"/>
        <source>1,000 MNIST test images (--normalize mnist --pad 2)</source>
        <translation>1.000 MNIST-Testbilder (--normalize mnist --pad 2)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="199"/>
        <source>The demo is incomplete (compute its surfaces with resources/demo/make_surfaces.sh):
%1</source>
        <translation>Die Demo ist unvollständig (ihre Flächen mit resources/demo/make_surfaces.sh berechnen):
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="219"/>
        <source>Resume?</source>
        <translation>Fortsetzen?</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="220"/>
        <source>%1 is not finished. Compute its missing points now?</source>
        <translation>%1 ist nicht fertig. Die fehlenden Punkte jetzt berechnen?</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="230"/>
        <source>%1 does not record how it was computed (a file of the reference implementation or of an older Basin): use Compute &gt; Surface.</source>
        <translation>%1 enthält nicht, wie sie berechnet wurde (eine Datei der Referenzimplementierung oder eines älteren Basin): verwenden Sie Berechnen &gt; Fläche.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="278"/>
        <location filename="../app/gui/main_window_files.cpp" line="333"/>
        <source>Show a surface first: open one or compute one.</source>
        <translation>Zuerst eine Fläche anzeigen: eine öffnen oder berechnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="296"/>
        <location filename="../app/gui/main_window_files.cpp" line="321"/>
        <source>the figure</source>
        <translation>die Abbildung</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="299"/>
        <source>Figure written to %1</source>
        <translation>Abbildung nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="301"/>
        <location filename="../app/gui/main_window_files.cpp" line="326"/>
        <source>Could not export the figure %1:

%2</source>
        <translation>Die Abbildung %1 konnte nicht exportiert werden:

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="308"/>
        <source>Compare two or more surfaces first: select them in the Session panel (Ctrl+click), then View &gt; Compare selected surfaces (Ctrl+M).</source>
        <translation>Vergleichen Sie zuerst zwei oder mehr Flächen: Wählen Sie sie im Sitzungsbereich (Strg+Klick), dann Ansicht &gt; Ausgewählte Flächen vergleichen (Strg+M).</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="314"/>
        <source>Export compare figure</source>
        <translation>Vergleichsabbildung exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="324"/>
        <source>Compare figure written to %1</source>
        <translation>Vergleichsabbildung nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="337"/>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="338"/>
        <source>VTK structured grid, all arrays (*.vts);;ParaView surface of the shown array (*.vtp);;CSV table (*.csv)</source>
        <translation>VTK-Strukturgitter, alle Arrays (*.vts);;ParaView-Fläche des gezeigten Arrays (*.vtp);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="344"/>
        <source>the export</source>
        <translation>den Export</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="346"/>
        <source>Data written to %1</source>
        <translation>Daten nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_files.cpp" line="348"/>
        <source>Could not export %1:

%2</source>
        <translation>%1 konnte nicht exportiert werden:

%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="102"/>
        <source>A surface is being computed; cancel it first.</source>
        <translation>Eine Fläche wird gerade berechnet; zuerst abbrechen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="144"/>
        <source>being computed</source>
        <translation>wird berechnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="155"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="155"/>
        <source>estimating the time left</source>
        <translation>Restzeit wird geschätzt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="157"/>
        <source>Computing %1: %2 of %3 points, %4</source>
        <translation>Berechne %1: %2 von %3 Punkten, %4</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="168"/>
        <source>Surface saved to %1</source>
        <translation>Fläche in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="173"/>
        <source>Stopped: %1 of %2 points are saved in %3; compute again to resume.</source>
        <translation>Angehalten: %1 von %2 Punkten sind in %3 gespeichert; erneut berechnen, um fortzusetzen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="186"/>
        <source>The computation stopped:

%1</source>
        <translation>Die Berechnung wurde abgebrochen:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="214"/>
        <source>A trajectory is being computed; wait for it to finish.</source>
        <translation>Ein Trainingspfad wird gerade berechnet; bitte warten, bis er fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="219"/>
        <source>Computing the trajectory&apos;s PCA…</source>
        <translation>Berechne die PCA des Trainingspfads…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="225"/>
        <source>Loaded %1 of %2 checkpoints</source>
        <translation>%1 von %2 Checkpoints geladen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="232"/>
        <source>The trajectory could not be computed:

%1</source>
        <translation>Der Trainingspfad konnte nicht berechnet werden:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="252"/>
        <source>Trajectory: %1 checkpoints; the PCA plane holds %2 % of the variance (%3 % + %4 %)</source>
        <translation>Trainingspfad: %1 Checkpoints; die PCA-Ebene erklärt %2 % der Varianz (%3 % + %4 %)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="260"/>
        <source>Trajectory</source>
        <translation>Trainingspfad</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_compute.cpp" line="261"/>
        <source>Compute the loss surface on this PCA plane now?</source>
        <translation>Die Verlustfläche auf dieser PCA-Ebene jetzt berechnen?</translation>
    </message>
</context>
<context>
    <name>basin::gui::ProjectPanel</name>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Data sets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Direction sets</source>
        <translation>Richtungssätze</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="22"/>
        <source>Surfaces</source>
        <translation>Flächen</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="23"/>
        <source>Trajectories</source>
        <translation>Trainingspfade</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="121"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="123"/>
        <source>Compute similar…</source>
        <translation>Ähnliche berechnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="126"/>
        <source>Resume…</source>
        <translation>Fortsetzen…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="130"/>
        <source>Compare selected surfaces</source>
        <translation>Ausgewählte Flächen vergleichen</translation>
    </message>
    <message>
        <location filename="../app/gui/project_panel.cpp" line="134"/>
        <source>Remove from the session</source>
        <translation>Aus der Sitzung entfernen</translation>
    </message>
</context>
<context>
    <name>basin::gui::SurfaceView</name>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="160"/>
        <source>not computed yet</source>
        <translation>noch nicht berechnet</translation>
    </message>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="163"/>
        <source>x = %1, y = %2: %3 loss %4</source>
        <translation>x = %1, y = %2: %3-Verlust %4</translation>
    </message>
    <message>
        <location filename="../app/gui/surface_view.cpp" line="169"/>
        <source>, accuracy %1 %</source>
        <translation>, Genauigkeit %1 %</translation>
    </message>
</context>
<context>
    <name>basin::gui::TrajectoryDialog</name>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="21"/>
        <source>Compute a training trajectory</source>
        <translation>Trainingspfad berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="26"/>
        <source>a folder of checkpoints, or a pattern: run/model_*.pt</source>
        <translation>ein Ordner mit Checkpoints oder ein Muster: run/model_*.pt</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="27"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="28"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="27"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="32"/>
        <source>the last checkpoint</source>
        <translation>der letzte Checkpoint</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="33"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="34"/>
        <source>Final model</source>
        <translation>Endmodell</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="33"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="52"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="38"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="40"/>
        <source>weights</source>
        <translation>weights (Gewichte)</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="41"/>
        <source>states (with BatchNorm statistics)</source>
        <translation>states (mit BatchNorm-Statistiken)</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="43"/>
        <source>Direction type</source>
        <translation>Richtungstyp</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="44"/>
        <source>Leave biases and BatchNorm out of the PCA (biasbn)</source>
        <translation>Biases und BatchNorm aus der PCA lassen (biasbn)</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="50"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="52"/>
        <location filename="../app/gui/trajectory_dialog.cpp" line="53"/>
        <source>Direction file</source>
        <translation>Richtungsdatei</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="54"/>
        <source>HDF5 (*.h5)</source>
        <translation>HDF5 (*.h5)</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="58"/>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="80"/>
        <source>Choose the checkpoints and where the direction file goes.</source>
        <translation>Bitte die Checkpoints wählen und wohin die Richtungsdatei geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../app/gui/trajectory_dialog.cpp" line="85"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
</TS>
