import PSVerifyCLI

PSVerifyMain.run()
