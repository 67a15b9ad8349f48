"""office.py — a private headless LibreOffice for tests and benchmarks.

Office(build, mode) starts soffice in its own process group on a fresh
profile, connects to it through a pipe with Python UNO, and kills the whole
group on close (no soffice.bin is left behind, even when a test fails).

mode "bootstrap": the add-in's types and components from the build folder
are added through bootstrap variables (nothing installed);
mode "profile": the office runs on a profile given by the caller (where
unopkg installed the .oxt).

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


def bootstrap_args(addin_dir):
    """-env: options that add the built add-in's types and components."""
    return [
        "-env:URE_MORE_TYPES=<%s/types>* %s" % (PROGRAM, file_url(os.path.join(addin_dir, "kmgca.rdb"))),
        "-env:URE_MORE_SERVICES=<%s/services>* %s"
        % (PROGRAM, file_url(os.path.join(addin_dir, "kmgca.components"))),
    ]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    def __init__(self, addin_dir=None, profile=None, timeout=60):
        self.tmp = tempfile.mkdtemp(prefix="kmgca-office-")
        self.profile = profile or os.path.join(self.tmp, "profile")
        self.pipe = "kmgca_test_%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        args = [
            "soffice", "--headless", "--norestore", "--nologo", "--nodefault",
            "-env:UserInstallation=" + file_url(self.profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
        ]
        if addin_dir:
            args += bootstrap_args(addin_dir)
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
