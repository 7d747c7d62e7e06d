// Opens the IIIF manifest named by ?manifest= (a URL, relative to this page or absolute) in Mirador.
'use strict';
const manifest = new URLSearchParams(location.search).get('manifest');
window.inkstoneViewer = Mirador.viewer({
  id: 'viewer',
  windows: manifest ? [{ manifestId: new URL(manifest, location.href).href }] : [],
  window: { allowClose: false, defaultSideBarPanel: 'search', sideBarOpenByDefault: true },
  workspaceControlPanel: { enabled: false },
});
