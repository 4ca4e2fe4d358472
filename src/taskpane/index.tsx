/** Task pane entry: in Excel, the Office.js host. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeHost } from './officeHost';

function start(render: (node: JSX.Element) => void) {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(<App host={officeHost()} />);
    else
      render(
        <p>
          PlanCheck runs inside Excel: open a workbook in Excel and choose Home &gt; Check plan.
        </p>,
      );
  });
}

const root = createRoot(document.getElementById('container')!);
start((node) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>));
