from nsclt.cli import main

main()
