"""office.py — a private headless LibreOffice for tests and benchmarks.

Office(build, mode) starts soffice in its own process group on a fresh
profile, connects to it through a pipe with Python UNO, and kills the whole
group on close (no soffice.bin is left behind, even when a test fails).

mode "bootstrap": the add-in's types and components from the build folder
are added through bootstrap variables (nothing installed); addin_dir may be a
list of such folders (the benchmark's no-op add-in beside the real one), each
with its .rdb and .components file;
mode "profile": the office runs on a profile given by the caller (where
unopkg installed the .oxt).

ui_locale (e.g. "zh-CN") starts the office in that UI language, as a user who
chose it under Tools > Options > Language Settings > Languages: the fresh
profile's registrymodifications.xcu is written before the first start with
org.openoffice.Office.Linguistic/General/UILocale (the user's choice, which
soffice turns into org.openoffice.Setup/L10N/ooLocale at start; writing
ooLocale alone is overwritten with en-US) and the locale setting
org.openoffice.Setup/L10N/ooSetupSystemLocale. The language pack must be
installed (Debian's libreoffice-l10n-*), else soffice falls back to en-US.

Needs Debian's /usr/bin/python3 (python3-uno).
"""
import os
import shutil
import signal
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

PROGRAM = "file:///usr/lib/libreoffice/program"


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def bootstrap_args(addin_dirs):
    """-env: options that add the built add-ins' types and components."""
    def urls(ext):
        return " ".join(file_url(os.path.join(d, f)) for d in addin_dirs
                        for f in sorted(os.listdir(d)) if f.endswith(ext))
    return [
        "-env:URE_MORE_TYPES=<%s/types>* %s" % (PROGRAM, urls(".rdb")),
        "-env:URE_MORE_SERVICES=<%s/services>* %s" % (PROGRAM, urls(".components")),
    ]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


LOCALE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" \
oor:op="fuse"><value>%(tag)s</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" \
oor:op="fuse"><value>%(tag)s</value></prop></item>
</oor:items>
"""


def write_ui_locale(profile, tag):
    """A fresh profile whose UI language and locale setting are tag."""
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(LOCALE_XCU % {"tag": tag})


class Office:
    def __init__(self, addin_dir=None, profile=None, timeout=60, ui_locale=None):
        self.tmp = tempfile.mkdtemp(prefix="kmgca-office-")
        self.profile = profile or os.path.join(self.tmp, "profile")
        if ui_locale:
            write_ui_locale(self.profile, ui_locale)
        self.pipe = "kmgca_test_%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        args = [
            "soffice", "--headless", "--norestore", "--nologo", "--nodefault",
            "-env:UserInstallation=" + file_url(self.profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
        ]
        if addin_dir:
            args += bootstrap_args([addin_dir] if isinstance(addin_dir, str) else addin_dir)
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        self.proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + timeout
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.close()
                    raise RuntimeError("soffice did not start (exit %s)" % self.proc.poll())
                time.sleep(0.2)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def service(self, name):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def config(self, nodepath, name):
        """One value of the office's configuration, as the office sees it."""
        provider = self.service("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", nodepath),))
        return access.getByName(name)

    def new_sheet(self):
        doc = self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                (prop("Hidden", True),))
        return doc, doc.Sheets.getByIndex(0)

    def close(self):
        try:
            if hasattr(self, "desktop"):
                self.desktop.terminate()
        except Exception:
            pass
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        # Children that outlived the group leader (oosplash -> soffice.bin).
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
