import { describe, expect, it } from 'vitest';
import { dataFromMessage } from './message-text';

/** The message of a python.exe crash, as Event Viewer showed it (mhammond/pywin32#2155). */
const APPLICATION_ERROR = `Faulting application name: python.exe, version: 3.12.2150.1013, time stamp: 0x65c2a4c7
Faulting module name: python312.dll, version: 3.12.2150.1013, time stamp: 0x65c2a47f
Exception code: 0xc0000005
Fault offset: 0x000000000000cc2f
Faulting process id: 0x2abc
Faulting application path: C:\\Prog\\Python312\\python.exe
Report Id: df055ae1-a7e3-45fb-b3e7-fae084950909
`;

/** nvlddmkm 153 rendered without its message file (Open-Shell/Open-Shell-Menu#2025). */
const MISSING_DESCRIPTION = `The description for Event ID 153 from source nvlddmkm cannot be found. Either the component that raises this event is not installed on your local computer or the installation is corrupted.

The following information was included with the event: 

\\Device\\Video3
Error occurred on GPUID: 100

The message resource is present but the message was not found in the message table
`;

describe('dataFromMessage', () => {
  it('reads Application Error 1000 into the names the event XML uses', () => {
    expect(dataFromMessage('Application Error', 1000, APPLICATION_ERROR)).toMatchObject({
      AppName: 'python.exe',
      AppVersion: '3.12.2150.1013',
      ModuleName: 'python312.dll',
      ExceptionCode: '0xc0000005',
      ProcessId: '0x2abc',
      AppPath: 'C:\\Prog\\Python312\\python.exe',
      IntegratorReportId: 'df055ae1-a7e3-45fb-b3e7-fae084950909',
    });
  });

  it('reads Windows Error Reporting 1001 into its positional data', () => {
    const report =
      'Fault bucket 1234, type 4\r\nEvent Name: APPCRASH\r\nResponse: Not available\r\nP1: aw-qt.exe\r\n';
    expect(dataFromMessage('Windows Error Reporting', 1001, report)).toMatchObject({
      '0': '1234',
      '1': '4',
      '2': 'APPCRASH',
      '3': 'Not available',
      '5': 'aw-qt.exe',
    });
  });

  it('reads the driver of Display 4101', () => {
    const message = 'Display driver nvlddmkm stopped responding and has successfully recovered.';
    expect(dataFromMessage('Display', 4101, message)).toEqual({ '0': 'nvlddmkm', '1': '' });
  });

  it('reads the insertion strings of a message whose description cannot be found, for any provider', () => {
    expect(dataFromMessage('nvlddmkm', 153, MISSING_DESCRIPTION)).toEqual({
      '0': '\\Device\\Video3',
      '1': 'Error occurred on GPUID: 100',
    });
  });

  it('returns null for text that is not the message it expects', () => {
    expect(dataFromMessage('Application Error', 1000, 'Exception code: 0xc0000005')).toBeNull();
    expect(dataFromMessage('Windows Error Reporting', 1001, 'P1: x')).toBeNull();
    expect(dataFromMessage('Display', 4101, 'hello')).toBeNull();
    expect(dataFromMessage('nvlddmkm', 13, 'nothing')).toBeNull();
  });
});
