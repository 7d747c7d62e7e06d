package org.inkstone.preprocess;

/**
 * Line detection by a recursive X-Y cut on the connected components of the bilevel page
 * (Nagy &amp; Seth 1984; Ha, Haralick &amp; Phillips 1995), every threshold relative to the type
 * being cut: see {@link PageSegmenter}.
 */
public final class XyCutDetector implements LineDetector {

    private final PageSegmenter segmenter = new PageSegmenter();

    @Override
    public Detection detect(GrayImage gray, BinaryImage bilevel) {
        PageSegmenter.Result r = segmenter.segment(bilevel);
        return new Detection(r.regions(), r.bodyHeight(), r.charAspect(), name());
    }

    @Override
    public String name() {
        return "xy-cut";
    }
}
