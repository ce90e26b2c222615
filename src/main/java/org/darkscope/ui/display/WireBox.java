package org.darkscope.ui.display;

import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/**
 * The 12 edges of a box without the face diagonals a {@link javafx.scene.shape.Box} shows in
 * {@link DrawMode#LINE}: one sliver triangle per edge, drawn as lines. One shared unit-cube mesh;
 * each view is scaled to its box. Not pickable (slivers have no area): used for faint empty cells.
 */
final class WireBox {
    /** Width of the sliver triangles relative to the box (invisible, avoids degenerate triangles). */
    private static final float SLIVER = 1e-3f;

    private static final TriangleMesh UNIT = build();

    private WireBox() {}

    private static TriangleMesh build() {
        TriangleMesh m = new TriangleMesh();
        float[][] c = new float[8][];
        for (int i = 0; i < 8; i++) {
            c[i] = new float[] {(i & 1) == 0 ? -0.5f : 0.5f, (i & 2) == 0 ? -0.5f : 0.5f, (i & 4) == 0 ? -0.5f : 0.5f};
        }
        int[][] edges = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}
        };
        m.getTexCoords().addAll(0, 0);
        int p = 0;
        for (int[] e : edges) {
            float[] a = c[e[0]];
            float[] b = c[e[1]];
            // offset the third point towards the box centre so the sliver stays inside the box
            float[] b2 = {b[0] * (1 - SLIVER), b[1] * (1 - SLIVER), b[2] * (1 - SLIVER)};
            m.getPoints().addAll(a[0], a[1], a[2], b[0], b[1], b[2], b2[0], b2[1], b2[2]);
            m.getFaces().addAll(p, 0, p + 1, 0, p + 2, 0);
            p += 3;
        }
        return m;
    }

    /** A new view of the unit wire cube; scale it to the box size. */
    static MeshView create() {
        MeshView v = new MeshView(UNIT);
        v.setDrawMode(DrawMode.LINE);
        v.setCullFace(CullFace.NONE);
        v.setMouseTransparent(true);
        return v;
    }
}
