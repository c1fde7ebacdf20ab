DROP DATABASE mostrador;
