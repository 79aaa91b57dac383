import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyEvent,
  eventFacts,
  parseWindowsEvents,
  type WindowsEvent,
  type WindowsUpdateFacts,
} from './typed-events';

const fixture = (name: string): string =>
  readFileSync(new URL(`../testdata/eventlog/${name}`, import.meta.url), 'utf8');

function eventsOf(text: string): readonly WindowsEvent[] {
  const result = parseWindowsEvents(text, 'eventlog-system');
  if (!result.ok) throw new Error(`unreadable: ${result.unreadable.reason}`);
  expect(result.value.skipped).toBe(0);
  return result.value.events;
}

function updates(text: string): (WindowsEvent & WindowsUpdateFacts)[] {
  return eventsOf(text).filter(
    (event): event is WindowsEvent & WindowsUpdateFacts => event.kind === 'windows-update',
  );
}

/** One event in wevtutil's single-line layout, for the events the stored corpora hold no real capture of. */
function constructed(
  provider: string,
  eventId: number,
  recordId: number,
  payload: string,
  extra = '',
): string {
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID>${eventId}</EventID><Level>2</Level><TimeCreated SystemTime='2025-03-01T10:00:00.1234567Z'/><EventRecordID>${recordId}</EventRecordID><Channel>System</Channel><Computer>RIG</Computer></System>${payload}${extra}</Event>`;
}

describe('Windows Update events (WindowsUpdateClient 19/20/43/44)', () => {
  it('datadog-wu-19-security-intelligence.xml: a Defender Security Intelligence update is routine', () => {
    expect(eventsOf(fixture('datadog-wu-19-security-intelligence.xml'))).toEqual([
      {
        recordId: 1868,
        time: '2022-09-30T13:44:36.6772228Z',
        provider: 'Microsoft-Windows-WindowsUpdateClient',
        eventId: 19,
        channel: 'System',
        computer: 'DESKTOP-U86BVDJ',
        level: 4,
        kind: 'windows-update',
        stage: 'installed',
        title:
          'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)',
        updateKind: 'defender-definitions',
        kb: 'KB2267602',
        routine: true,
        driver: null,
        updateGuid: '{23315d09-c6f2-4cb7-8b40-869952c28480}',
        revision: 200,
        errorCode: null,
      },
    ]);
  });

  it('evtx-system-wu-19-cumulative-update-installed.xml: the 2018-07 cumulative update KB4338819, twice', () => {
    const events = updates(fixture('evtx-system-wu-19-cumulative-update-installed.xml'));
    expect(
      events.map((e) => [e.recordId, e.time, e.stage, e.updateKind, e.kb, e.routine, e.updateGuid]),
    ).toEqual([
      [
        411,
        '2018-07-12T00:44:15.269372000Z',
        'installed',
        'cumulative',
        'KB4338819',
        false,
        '{AC69F6CF-09F8-4040-8DE3-53C1FAF5C7B3}',
      ],
      [
        543,
        '2018-07-12T22:56:23.792835300Z',
        'installed',
        'cumulative',
        'KB4338819',
        false,
        '{DDF9280B-3BC7-4332-B9F3-7D8B0158978E}',
      ],
    ]);
    expect(events[0]?.title).toBe(
      '2018-07 Cumulative Update for Windows 10 Version 1803 for x64-based Systems (KB4338819)',
    );
  });

  it('evtx-system-wu-19-defender-definition-installed.xml: a Defender definition update is routine', () => {
    expect(updates(fixture('evtx-system-wu-19-defender-definition-installed.xml'))).toMatchObject([
      {
        recordId: 269,
        time: '2018-07-07T00:10:09.796909200Z',
        stage: 'installed',
        title: 'Definition Update for Windows Defender Antivirus - KB2267602 (Definition 1.271.638.0)',
        updateKind: 'defender-definitions',
        kb: 'KB2267602',
        routine: true,
      },
    ]);
  });

  it('evtx-system-wu-19-store-app-installed.xml: a Store app update has no KB and is routine', () => {
    expect(updates(fixture('evtx-system-wu-19-store-app-installed.xml'))).toMatchObject([
      {
        recordId: 1069,
        time: '2018-08-02T23:26:54.924721800Z',
        stage: 'installed',
        title: '9NBLGGH5FV99-Microsoft.MSPaint',
        updateKind: 'store-app',
        kb: null,
        routine: true,
      },
    ]);
  });

  it('tells the cumulative update apart from the Defender and Store noise in one poll', () => {
    const text = [
      fixture('evtx-system-wu-19-defender-definition-installed.xml'),
      fixture('evtx-system-wu-19-store-app-installed.xml'),
      fixture('evtx-system-wu-19-cumulative-update-installed.xml'),
      fixture('datadog-wu-19-security-intelligence.xml'),
    ].join('\n');
    const all = updates(text);
    expect(all).toHaveLength(5);
    expect(all.filter((e) => !e.routine).map((e) => [e.recordId, e.kb, e.updateKind])).toEqual([
      [411, 'KB4338819', 'cumulative'],
      [543, 'KB4338819', 'cumulative'],
    ]);
  });

  it('evtx-system-wu-20-install-failure.xml: failures with their error codes, Store, cumulative and MSRT', () => {
    const events = updates(fixture('evtx-system-wu-20-install-failure.xml'));
    expect(events.every((e) => e.stage === 'install-failed' && e.level === 2)).toBe(true);
    expect(events.map((e) => [e.recordId, e.errorCode, e.updateKind, e.kb, e.routine])).toEqual([
      [518, '0x8024001e', 'store-app', null, true],
      [519, '0x8024001e', 'store-app', null, true],
      [561, '0x80248007', 'cumulative', 'KB4025342', false],
      [807, '0x80248007', 'cumulative', 'KB4025342', false],
      [1008, '0x80248007', 'cumulative', 'KB4025342', false],
      [1182, '0x80248007', 'cumulative', 'KB4025342', false],
      [1823, '0x80246013', 'other', 'KB890830', true],
    ]);
    expect(events.map((e) => e.title)).toEqual([
      '9NBLGGH3FL3T-Microsoft.VCLibs.120.00.Universal',
      '9WZDNCRFJ3PS-Microsoft.RemoteDesktop',
      ...Array<string>(4).fill(
        '2017-07 Cumulative Update for Windows 10 Version 1703 for x64-based Systems (KB4025342)',
      ),
      'Windows Malicious Software Removal Tool for Windows 8, 8.1, 10 and Windows Server 2012, 2012 R2, 2016 x64 Edition - October 2017 (KB890830)',
    ]);
    expect(events[2]).toMatchObject({ computer: 'DESKTOP-2KGM189', time: '2017-07-23T07:25:41.804504600Z' });
  });

  it('evtx-system-wu-43-cumulative-update-install-started.xml: install started, joined to 19 by updateGuid', () => {
    const events = updates(fixture('evtx-system-wu-43-cumulative-update-install-started.xml'));
    expect(events.map((e) => [e.recordId, e.stage, e.kb, e.updateKind, e.updateGuid, e.revision])).toEqual([
      [342, 'install-started', 'KB4338819', 'cumulative', '{AC69F6CF-09F8-4040-8DE3-53C1FAF5C7B3}', 1],
      [540, 'install-started', 'KB4338819', 'cumulative', '{DDF9280B-3BC7-4332-B9F3-7D8B0158978E}', 1],
    ]);
    const installed = updates(fixture('evtx-system-wu-19-cumulative-update-installed.xml'));
    expect(installed.map((e) => e.updateGuid)).toEqual(events.map((e) => e.updateGuid));
  });

  it('evtx-system-wu-44-cumulative-update-download-started.xml: four download starts of KB4338819', () => {
    const events = updates(fixture('evtx-system-wu-44-cumulative-update-download-started.xml'));
    expect(events.map((e) => [e.recordId, e.time, e.stage, e.kb])).toEqual([
      [339, '2018-07-11T16:20:16.966549000Z', 'download-started', 'KB4338819'],
      [441, '2018-07-12T20:40:52.004224100Z', 'download-started', 'KB4338819'],
      [521, '2018-07-12T20:55:20.285941500Z', 'download-started', 'KB4338819'],
      [539, '2018-07-12T22:53:16.158495700Z', 'download-started', 'KB4338819'],
    ]);
  });

  it('reads the title from the rendered message when the data is missing (constructed)', () => {
    const text = constructed(
      'Microsoft-Windows-WindowsUpdateClient',
      19,
      5,
      '',
      '<RenderingInfo Culture="en-US"><Message>Installation Successful: Windows successfully installed the following update: NVIDIA - Display - 32.0.15.6094</Message></RenderingInfo>',
    );
    expect(eventsOf(text)[0]).toMatchObject({
      kind: 'windows-update',
      title: 'NVIDIA - Display - 32.0.15.6094',
      updateKind: 'driver',
      driver: { vendor: 'NVIDIA', deviceClass: 'Display', version: '32.0.15.6094', isNvidiaDisplay: true },
    });
  });
});

describe('display driver events', () => {
  it('evtx-system-userpnp-20001-display-driver-installed.xml: Basic Display Adapter installs, display class, not NVIDIA', () => {
    expect(eventsOf(fixture('evtx-system-userpnp-20001-display-driver-installed.xml'))).toEqual([
      {
        recordId: 64,
        time: '2017-07-12T17:16:33.277264000Z',
        provider: 'Microsoft-Windows-UserPnp',
        eventId: 20001,
        channel: 'System',
        computer: 'WIN-P4SIAA0SQCO',
        level: 4,
        kind: 'driver-installed',
        device: 'Microsoft Basic Display Adapter',
        inf: 'display.inf',
        driverName: 'display.inf_amd64_d2be6fd24d698e35\\display.inf',
        driverVersion: '10.0.15063.0',
        driverProvider: 'Microsoft',
        deviceInstanceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78',
        pciVendorId: '15AD',
        setupClass: '{4D36E968-E325-11CE-BFC1-08002BE10318}',
        isDisplayClass: true,
        isNvidia: false,
        installStatus: '0x00000000',
        succeeded: true,
        upgradeDevice: false,
      },
      expect.objectContaining({
        recordId: 46,
        computer: 'DESKTOP-1N4R894',
        inf: 'display.inf',
        driverName: 'display.inf_amd64_705614beb8150a14',
        driverVersion: '10.0.17134.1',
        pciVendorId: '1013',
        isDisplayClass: true,
        isNvidia: false,
      }),
    ]);
  });

  it('evtx-system-userpnp-20003-service-added.xml: the BTHUSB service, not NVIDIA', () => {
    expect(eventsOf(fixture('evtx-system-userpnp-20003-service-added.xml'))).toMatchObject([
      {
        recordId: 51,
        kind: 'driver-service-added',
        serviceName: 'BTHUSB',
        driverFile: '\\SystemRoot\\system32\\DRIVERS\\BTHUSB.sys',
        deviceInstanceId: 'USB\\VID_0E0F&PID_0008\\000650268328',
        pciVendorId: null,
        isNvidia: false,
        isNvidiaDisplayDriver: false,
        primaryService: true,
        updateService: false,
        status: '0',
      },
    ]);
  });

  it('recognises an NVIDIA driver install and the nvlddmkm service (constructed from docs/windows-events.md)', () => {
    const install = constructed(
      'Microsoft-Windows-UserPnp',
      20001,
      900,
      `<UserData><InstallDeviceID xmlns='http://manifests.microsoft.com/win/2004/08/windows/userpnp'><DriverName>nv_dispi.inf_amd64_1c3a0f8b4d2e6a57\\nv_dispi.inf</DriverName><DriverVersion>32.0.15.6094</DriverVersion><DriverProvider>NVIDIA</DriverProvider><DeviceInstanceID>PCI\\VEN_10DE&amp;DEV_2684&amp;SUBSYS_16F310DE&amp;REV_A1\\4&amp;2283F625&amp;0&amp;0019</DeviceInstanceID><SetupClass>{4d36e968-e325-11ce-bfc1-08002be10318}</SetupClass><RebootOption>false</RebootOption><UpgradeDevice>true</UpgradeDevice><IsDriverOEM>true</IsDriverOEM><InstallStatus>0x0</InstallStatus><DriverDescription>NVIDIA GeForce RTX 4090</DriverDescription></InstallDeviceID></UserData>`,
    );
    const service = constructed(
      'Microsoft-Windows-UserPnp',
      20003,
      901,
      `<UserData><AddServiceID xmlns='http://manifests.microsoft.com/win/2004/08/windows/userpnp'><ServiceName>nvlddmkm</ServiceName><DriverFileName>\\SystemRoot\\System32\\DriverStore\\FileRepository\\nv_dispi.inf_amd64_1c3a0f8b4d2e6a57\\nvlddmkm.sys</DriverFileName><DeviceInstanceID>PCI\\VEN_10DE&amp;DEV_2684&amp;SUBSYS_16F310DE&amp;REV_A1\\4&amp;2283F625&amp;0&amp;0019</DeviceInstanceID><PrimaryService>true</PrimaryService><UpdateService>true</UpdateService><AddServiceStatus>0</AddServiceStatus></AddServiceID></UserData>`,
    );
    expect(eventsOf(install + service)).toMatchObject([
      {
        kind: 'driver-installed',
        device: 'NVIDIA GeForce RTX 4090',
        inf: 'nv_dispi.inf',
        driverVersion: '32.0.15.6094',
        pciVendorId: '10DE',
        isDisplayClass: true,
        isNvidia: true,
        succeeded: true,
        upgradeDevice: true,
      },
      { kind: 'driver-service-added', serviceName: 'nvlddmkm', isNvidia: true, isNvidiaDisplayDriver: true },
    ]);
  });

  it('reads Display 4101 and nvlddmkm events (constructed: no real XML capture exists, see MANIFEST.md)', () => {
    const reset = constructed(
      'Display',
      4101,
      77,
      '<EventData><Data>nvlddmkm</Data><Data></Data></EventData>',
    );
    const xid = constructed(
      'nvlddmkm',
      13,
      78,
      '<EventData><Data>\\Device\\Video3</Data><Data>Graphics SM Warp Exception on (GPC 0, TPC 0, SM 0): Out Of Range Address</Data><Binary>00</Binary></EventData>',
    );
    expect(eventsOf(reset + xid)).toMatchObject([
      { recordId: 77, kind: 'display-driver-reset', driver: 'nvlddmkm', isNvidia: true },
      {
        recordId: 78,
        eventId: 13,
        kind: 'nvidia-driver-error',
        device: '\\Device\\Video3',
        detail: 'Graphics SM Warp Exception on (GPC 0, TPC 0, SM 0): Out Of Range Address',
      },
    ]);
  });
});

describe('crashes (Application Error 1000, Windows Error Reporting 1001)', () => {
  it('reads the Windows 10+ named data of a llama-server crash (constructed from docs/windows-events.md)', () => {
    const text = constructed(
      'Application Error',
      1000,
      3001,
      `<EventData><Data Name='AppName'>llama-server.exe</Data><Data Name='AppVersion'>0.0.0.0</Data><Data Name='AppTimeStamp'>67a1b2c3</Data><Data Name='ModuleName'>ggml-cuda.dll</Data><Data Name='ModuleVersion'>0.0.0.0</Data><Data Name='ModuleTimeStamp'>67a1b2c0</Data><Data Name='ExceptionCode'>c0000409</Data><Data Name='FaultingOffset'>00000000000d1234</Data><Data Name='ProcessId'>0x1f40</Data><Data Name='ProcessCreationTime'>0x01db8a0000000000</Data><Data Name='AppPath'>C:\\llama\\llama-server.exe</Data><Data Name='ModulePath'>C:\\llama\\ggml-cuda.dll</Data><Data Name='IntegratorReportId'>0b6f5a2e-1111-2222-3333-444455556666</Data><Data Name='PackageFullName'></Data><Data Name='PackageRelativeAppId'></Data></EventData>`,
    );
    expect(eventsOf(text)[0]).toMatchObject({
      kind: 'app-crash',
      appName: 'llama-server.exe',
      moduleName: 'ggml-cuda.dll',
      exceptionCode: '0xc0000409',
      faultOffset: '00000000000d1234',
      processId: 0x1f40,
      appPath: 'C:\\llama\\llama-server.exe',
      reportId: '0b6f5a2e-1111-2222-3333-444455556666',
      program: 'llama.cpp',
      isInference: true,
    });
  });

  it('reads the older unnamed positional data of an ollama crash (constructed)', () => {
    const values = [
      'ollama.exe',
      '0.5.7',
      '00000000',
      'ggml.dll',
      '0.0.0.0',
      '00000000',
      'c0000005',
      '0000000000012345',
      '0x2a10',
    ];
    const payload = `<EventData>${values.map((value) => `<Data>${value}</Data>`).join('')}</EventData>`;
    expect(eventsOf(constructed('Application Error', 1000, 3002, payload))[0]).toMatchObject({
      kind: 'app-crash',
      appName: 'ollama.exe',
      appVersion: '0.5.7',
      moduleName: 'ggml.dll',
      exceptionCode: '0xc0000005',
      processId: 0x2a10,
      program: 'ollama',
      isInference: true,
    });
  });

  it('reads a crash from the rendered message when the event has no data (constructed)', () => {
    const message =
      'Faulting application name: python.exe, version: 3.12.2150.1013, time stamp: 0x65c2a4c7\nFaulting module name: torch_cuda.dll, version: 0.0.0.0, time stamp: 0x65000000\nException code: 0xc0000005';
    const text = constructed(
      'Application Error',
      1000,
      3003,
      '',
      `<RenderingInfo><Message>${message}</Message></RenderingInfo>`,
    );
    expect(eventsOf(text)[0]).toMatchObject({
      kind: 'app-crash',
      appName: 'python.exe',
      moduleName: 'torch_cuda.dll',
      exceptionCode: '0xc0000005',
      program: 'python',
    });
  });

  it('reads WER LiveKernelEvent and BEX64 reports by position (constructed)', () => {
    const positional = (values: string[]): string =>
      `<EventData>${values.map((value) => (value === '' ? '<Data/>' : `<Data>${value}</Data>`)).join('')}</EventData>`;
    const live = positional([
      '0',
      '0',
      'LiveKernelEvent',
      'Not available',
      '0',
      '141',
      'ffff',
      '0',
      '0',
      '10_0_22631',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    const bex = positional([
      '1',
      '5',
      'BEX64',
      'Not available',
      '0',
      'ollama_llama_server.exe',
      '0.0.0.0',
      '00000000',
      'ucrtbase.dll',
      '10.0.22621.3593',
      '10c46e71',
      '000000000009f00e',
      'c0000409',
      '0000000000000007',
      '',
    ]);
    const [liveEvent, bexEvent] = eventsOf(
      constructed('Windows Error Reporting', 1001, 10, live) +
        constructed('Windows Error Reporting', 1001, 11, bex),
    );
    expect(liveEvent).toMatchObject({
      kind: 'error-report',
      eventName: 'LiveKernelEvent',
      liveKernelCode: '141',
      appName: null,
    });
    expect(bexEvent).toMatchObject({
      kind: 'error-report',
      eventName: 'BEX64',
      appName: 'ollama_llama_server.exe',
      moduleName: 'ucrtbase.dll',
      exceptionCode: '0xc0000409',
      program: 'ollama',
      isInference: true,
    });
  });
});

describe('power and boot events', () => {
  it('evtx-system-user32-1074-restart.xml: update restarts by winlogon and svchost, an installer restart by msiexec', () => {
    const events = eventsOf(fixture('evtx-system-user32-1074-restart.xml'));
    expect(events[0]).toEqual({
      recordId: 58,
      time: '2018-07-06T18:40:13.233315000Z',
      provider: 'User32',
      eventId: 1074,
      channel: 'System',
      computer: 'DESKTOP-1N4R894',
      level: 4,
      kind: 'restart-initiated',
      process: 'C:\\WINDOWS\\system32\\winlogon.exe',
      processHost: 'DESKTOP-1N4R894',
      reason: 'Operating System: Upgrade (Planned)',
      reasonCode: '0x80020003',
      planned: true,
      byUpdate: true,
      action: 'restart',
      comment: null,
      user: 'NT AUTHORITY\\SYSTEM',
    });
    expect(events.slice(1)).toMatchObject([
      {
        recordId: 361,
        process: 'c:\\windows\\system32\\svchost.exe',
        reason: 'Operating System: Service pack (Planned)',
        reasonCode: '0x80020010',
        byUpdate: true,
      },
      {
        recordId: 169,
        process: 'C:\\Windows\\system32\\winlogon.exe',
        processHost: 'MINWINPC',
        reasonCode: '0x80020003',
        byUpdate: true,
      },
      {
        recordId: 298,
        process: 'msiexec.exe',
        processHost: null,
        reason: 'No title for this reason could be found',
        reasonCode: '0x80030002',
        planned: true,
        byUpdate: false,
        comment:
          "The Windows Installer initiated a system restart to complete or continue the configuration of 'VMware Tools'.",
      },
    ]);
  });

  it('evtx-system-eventlog-6005-6006-6009.xml: event log start and stop, and the OS version at boot', () => {
    expect(eventsOf(fixture('evtx-system-eventlog-6005-6006-6009.xml'))).toMatchObject([
      { recordId: 3, eventId: 6005, kind: 'eventlog-started', time: '2018-07-06T18:38:38.811220300Z' },
      { recordId: 59, eventId: 6006, kind: 'eventlog-stopped', time: '2018-07-06T18:40:15.655019700Z' },
      {
        recordId: 2,
        eventId: 6009,
        kind: 'os-version',
        version: '10.00.',
        build: '17134',
        servicePack: null,
        buildType: 'Multiprocessor Free',
      },
    ]);
  });

  it('evtx-system-kernel-general-12-13-boot-shutdown.xml: OS start (build 10.0.15063.413) and stop', () => {
    expect(eventsOf(fixture('evtx-system-kernel-general-12-13-boot-shutdown.xml'))).toMatchObject([
      {
        recordId: 3,
        kind: 'os-started',
        startTime: '2017-07-12T17:16:05.499259900Z',
        version: '10.0.15063.413',
        bootMode: 0,
      },
      { recordId: 179, kind: 'os-stopped', stopTime: '2017-07-12T17:17:46.211350100Z' },
    ]);
  });

  it('evtx-system-kernel-power-42-109-sleep-shutdown.xml: entering sleep, and a shutdown transition', () => {
    expect(eventsOf(fixture('evtx-system-kernel-power-42-109-sleep-shutdown.xml'))).toMatchObject([
      { recordId: 537, kind: 'sleep', targetState: 2, effectiveState: 2, reason: 7 },
      { recordId: 178, kind: 'shutdown-transition', actionType: 5, eventCode: 0, reason: 5 },
    ]);
  });

  it('evtx-system-scm-7045-service-installed.xml: the VirtIO network driver service', () => {
    expect(eventsOf(fixture('evtx-system-scm-7045-service-installed.xml'))).toMatchObject([
      {
        recordId: 44,
        kind: 'service-installed',
        serviceName: 'Red Hat VirtIO Ethernet Adapter Service',
        imagePath: '\\SystemRoot\\System32\\drivers\\netkvm.sys',
        serviceType: 'kernel mode driver',
        startType: 'demand start',
        account: null,
      },
    ]);
  });

  it('reads a Kernel-Power 41 without a bug check as a reboot with no bug check (constructed)', () => {
    const payload =
      "<EventData><Data Name='BugcheckCode'>0</Data><Data Name='BugcheckParameter1'>0x0</Data><Data Name='SleepInProgress'>0</Data><Data Name='PowerButtonTimestamp'>133000000000000000</Data></EventData>";
    expect(eventsOf(constructed('Microsoft-Windows-Kernel-Power', 41, 4, payload))[0]).toMatchObject({
      kind: 'unexpected-reboot',
      bugcheckCode: 0,
      bugcheck: null,
      bugcheckParameters: ['0x0'],
      sleepInProgress: false,
      powerButtonPressed: true,
    });
  });
});

describe('eventFacts and classifyEvent', () => {
  it('keeps the data of an event it has no meaning for', () => {
    expect(
      eventFacts({ provider: 'Microsoft-Windows-Kernel-Boot', eventId: 27, data: { BootType: '0' } }),
    ).toEqual({
      kind: 'other',
      data: { BootType: '0' },
    });
    expect(eventFacts({ provider: 'Microsoft-Windows-UserPnp', eventId: 20002, data: {} }).kind).toBe(
      'other',
    );
  });

  it('compares provider names without regard to case', () => {
    expect(
      eventFacts({ provider: 'application error', eventId: 1000, data: { AppName: 'jan.exe' } }),
    ).toMatchObject({
      kind: 'app-crash',
      program: 'jan',
    });
  });

  it('copies the envelope of a raw event', () => {
    const event = classifyEvent({
      provider: 'EventLog',
      eventId: 6008,
      recordId: 1,
      timeCreated: '2025-01-01T00:00:00.0000000Z',
      level: 2,
      channel: 'System',
      computer: null,
      data: { '0': '10:00:00 PM', '1': '‎1/‎1/‎2025' },
    });
    expect(event).toEqual({
      recordId: 1,
      time: '2025-01-01T00:00:00.0000000Z',
      provider: 'EventLog',
      eventId: 6008,
      channel: 'System',
      computer: null,
      level: 2,
      kind: 'unexpected-shutdown',
      localTime: '10:00:00 PM',
      localDate: '‎1/‎1/‎2025',
    });
  });

  it('never throws, whatever the provider, id and data', () => {
    const providers = fc.constantFrom(
      'Microsoft-Windows-WindowsUpdateClient',
      'Microsoft-Windows-UserPnp',
      'Display',
      'nvlddmkm',
      'Application Error',
      'Windows Error Reporting',
      'Microsoft-Windows-Kernel-Power',
      'Microsoft-Windows-Kernel-General',
      'User32',
      'EventLog',
      'Service Control Manager',
      'Other',
    );
    const ids = fc.constantFrom(
      12,
      13,
      19,
      20,
      41,
      42,
      43,
      44,
      109,
      1000,
      1001,
      1074,
      4101,
      6005,
      6006,
      6008,
      6009,
      7045,
      20001,
      20003,
    );
    const keys = fc.constantFrom(
      '0',
      '1',
      '2',
      '5',
      '11',
      '19',
      'updateTitle',
      'errorCode',
      'AppName',
      'ExceptionCode',
      'ProcessId',
      'BugcheckCode',
      'param1',
      'param4',
      'DeviceInstanceID',
      'DriverName',
      'InstallStatus',
      '__proto__',
    );
    fc.assert(
      fc.property(
        providers,
        ids,
        fc.dictionary(keys, fc.string()),
        fc.option(fc.string()),
        (provider, eventId, data, message) => {
          expect(typeof eventFacts({ provider, eventId, data, message }).kind).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseWindowsEvents', () => {
  it('passes an unreadable output through with the probe named', () => {
    expect(parseWindowsEvents('The specified channel could not be found.', 'eventlog-system')).toMatchObject({
      ok: false,
      unreadable: { probe: 'eventlog-system' },
    });
  });

  it('never throws for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseWindowsEvents(text);
      }),
    );
  });
});
