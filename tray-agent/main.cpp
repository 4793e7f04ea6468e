// SPDX-License-Identifier: Apache-2.0
#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("archivesync-agent"));
    QApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "ArchiveSync offline archive agent"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QLabel window(
        QApplication::translate("main", "ArchiveSync agent %1").arg(QApplication::applicationVersion()));
    window.setWindowTitle(QApplication::translate("main", "ArchiveSync"));
    window.setMargin(24);
    window.show();
    return QApplication::exec();
}
