/**
 * The CodeCall icon: a speech bubble around a pair of code chevrons.
 */
import { LabIcon } from '@jupyterlab/ui-components';

const CODECALL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path fill-rule="evenodd" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-7l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h16V5z"/>
    <path d="M9.6 7.2 11 8.6 8.6 11l2.4 2.4-1.4 1.4L5.8 11z"/>
    <path d="M14.4 7.2 18.2 11l-3.8 3.8-1.4-1.4 2.4-2.4L13 8.6z"/>
  </g>
</svg>`;

export const codecallIcon = new LabIcon({
  name: 'codecall-jupyter:codecall',
  svgstr: CODECALL_SVG
});
