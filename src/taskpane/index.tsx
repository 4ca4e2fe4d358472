/** Task pane entry: inside Excel the Office.js host; anywhere else, the page works on an .xlsx file. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { FileMode } from './fileMode/FileMode';
import { officeHost } from '../workbook/office/host';

const root = createRoot(document.getElementById('container')!);
const render = (node: JSX.Element) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

// Office.js comes from Microsoft's CDN; offline, or outside Office, it may be missing.
if (typeof Office === 'undefined') {
  render(<FileMode />);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(<App host={officeHost()} />);
    else render(<FileMode />);
  });
}
