package org.inkstone.preprocess;

import java.util.Arrays;

/** Convex hull and minimum-area rectangle of point sets, for {@link DbDetector}. */
final class Geometry {

    private Geometry() {
    }

    /**
     * Convex hull by Andrew's monotone chain (A. M. Andrew, "Another efficient algorithm for
     * convex hulls in two dimensions", IPL 9(5), 1979).
     *
     * @param pts points {x, y}
     * @return the hull, counter-clockwise, without repeated points
     */
    static double[][] hull(double[][] pts) {
        double[][] p = pts.clone();
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int n = p.length;
        if (n < 3) {
            return p;
        }
        double[][] h = new double[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        return Arrays.copyOf(h, Math.max(1, k - 1));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /**
     * Minimum-area enclosing rectangle of a convex polygon: one of its sides lies on a hull edge
     * (H. Freeman, R. Shapira, "Determining the minimum-area encasing rectangle for an arbitrary
     * closed curve", CACM 18(7), 1975), every edge tried.
     *
     * @param hull convex polygon
     * @return {cx, cy, w, h, angle}: centre, side along {@code angle}, the other side, angle of side
     *         {@code w} in radians within [-π/4, π/4]
     */
    static double[] minAreaRect(double[][] hull) {
        int n = hull.length;
        double[] best = null;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < Math.max(1, n); i++) {
            double[] a = hull[i], b = hull[(i + 1) % n];
            double ex = b[0] - a[0], ey = b[1] - a[1];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                ex = 1;
                ey = 0;
                len = 1;
            }
            double ux = ex / len, uy = ey / len;
            double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (double[] p : hull) {
                double u = p[0] * ux + p[1] * uy, v = -p[0] * uy + p[1] * ux;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
                best = new double[] {cu * ux - cv * uy, cu * uy + cv * ux, maxU - minU, maxV - minV, Math.atan2(uy, ux)};
            }
        }
        // normalise: side w within 45° of the x axis
        double angle = best[4];
        double w = best[2], h = best[3];
        while (angle > Math.PI / 4) {
            angle -= Math.PI / 2;
            double t = w;
            w = h;
            h = t;
        }
        while (angle < -Math.PI / 4) {
            angle += Math.PI / 2;
            double t = w;
            w = h;
            h = t;
        }
        return new double[] {best[0], best[1], w, h, angle};
    }

    /** @return the four corners of a rotated rectangle */
    static double[][] corners(double cx, double cy, double w, double h, double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double[][] out = new double[4][];
        int k = 0;
        for (int su : new int[] {-1, 1}) {
            for (int sv : new int[] {-1, 1}) {
                double u = su * w / 2, v = sv * h / 2;
                out[k++] = new double[] {cx + u * cos - v * sin, cy + u * sin + v * cos};
            }
        }
        return out;
    }
}
